import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

/** A port nothing listens on right now: ask the OS for one, then give it back. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

// Workers load this file again; ports chosen once in the runner travel to them through the environment.
process.env.E2E_WEB_PORT ??= String(await freePort());
process.env.E2E_API_PORT ??= String(await freePort());
process.env.E2E_SIM_PORT ??= String(await freePort());
process.env.E2E_SMTP_PORT ??= String(await freePort());
process.env.E2E_INBOX_PORT ??= String(await freePort());
process.env.E2E_IDP_PORT ??= String(await freePort());

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webUrl = `http://localhost:${process.env.E2E_WEB_PORT}`;

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/clear-screenshots.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Each visited state is also scanned by axe-core (about a second each on a busy 2-core machine).
  timeout: 180_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    // `localhost`, never 127.0.0.1: the session cookie is per host and must reach the API's OAuth callback too.
    baseURL: webUrl,
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    // Recording a trace of every test (kept only on failure) made the suite about 20% slower, and CI keeps no
    // artifacts: there a failure shows its error and call log; a run without CI keeps the trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: process.env.CI ? 'off' : 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'pnpm demo',
    cwd: repoRoot,
    url: webUrl,
    timeout: 180_000,
    reuseExistingServer: false,
    // The demo runs the API and Vite in process groups of their own and stops them on SIGTERM; the default
    // SIGKILL of the launcher's group would leave both running after the tests.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: process.env.E2E_SERVER_LOGS ? 'pipe' : 'ignore',
    stderr: 'pipe',
    env: {
      DEMO_WEB_PORT: process.env.E2E_WEB_PORT,
      DEMO_API_PORT: process.env.E2E_API_PORT,
      DEMO_SIM_PORT: process.env.E2E_SIM_PORT,
      DEMO_SMTP_PORT: process.env.E2E_SMTP_PORT,
      DEMO_INBOX_PORT: process.env.E2E_INBOX_PORT,
      DEMO_IDP_PORT: process.env.E2E_IDP_PORT,
      LOG_LEVEL: process.env.E2E_SERVER_LOGS ? 'info' : 'warn',
      // The built app under `vite preview` (a handful of files per new browser context, where the dev server
      // serves hundreds of modules); E2E_WEB=dev runs the tests against the dev server instead.
      DEMO_WEB: process.env.E2E_WEB ?? 'preview',
      // Every sign-in reaches the API through the web server's proxy, i.e. from one address; the tests sign in often.
      LOGIN_RATE_LIMIT_PER_15_MIN: '1000',
      // The worker retries pending meetings every second (5 s by default), so a pending meeting settles quickly.
      MEETING_WORKER_INTERVAL_MS: '1000',
    },
  },
});
