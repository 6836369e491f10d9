// The browser-test runner must not turn "no browser" into a green run on CI, and must say why it skipped elsewhere.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const runner = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps/web/scripts/run-browser-tests.mjs');
const missingChromium = '/nonexistent/chromium';

function runWithout(env) {
  return spawnSync(process.execPath, [runner], { env: { PATH: process.env.PATH, CHROMIUM_PATH: missingChromium, ...env }, encoding: 'utf8' });
}

describe('browser test runner without Chromium', () => {
  test('when CI=true, it fails and names the missing browser', () => {
    const result = runWithout({ CI: 'true' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /browser tests FAILED: Chromium not found at \/nonexistent\/chromium/);
  });

  test('on a developer machine, it succeeds and prints why the browser tests were skipped', () => {
    const result = runWithout({});
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^skipped: browser tests — Chromium not found at \/nonexistent\/chromium/m);
  });
});
