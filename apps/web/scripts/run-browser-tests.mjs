// Runs the Playwright browser tests in Debian's Chromium; never downloads a browser.
// Without Chromium (a bare dev machine) it says so and succeeds, since CI installs it first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`skipped: Chromium not found at ${chromium}`);
  process.exit(0);
}

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync('playwright', ['test', ...process.argv.slice(2)], {
  cwd: webRoot,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PATH: `${join(webRoot, 'node_modules', '.bin')}:${process.env.PATH}` },
});
process.exit(result.status ?? 1);
