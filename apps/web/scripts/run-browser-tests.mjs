// Runs the Playwright browser tests in Debian's Chromium; never downloads a browser.
// Without Chromium: on a bare dev machine it says why it skipped and succeeds; under CI=true it fails,
// because there a missing browser means the browser tests silently stopped running.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const install = 'install it with `apt-get install chromium` or point CHROMIUM_PATH at one';
  if (process.env.CI === 'true' || process.env.CI === '1') {
    console.error(`browser tests FAILED: Chromium not found at ${chromium} and CI=${process.env.CI}; ${install}`);
    process.exit(1);
  }
  console.log(`skipped: browser tests — Chromium not found at ${chromium}; ${install} (under CI=true this fails)`);
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
