// Lighthouse against the built app, as production serves it: `apps/web/dist` under `vite preview`
// (which gzips like a real static server) proxying /api to the compiled API (`apps/api/dist/main.js`, demo
// users, in-memory store). Sign-in and the recruiter's dashboard, mobile and desktop presets, in Debian's
// Chromium. Prints the performance / accessibility / best-practices scores with CLS and LCP.
// Too slow for the test command: run it by hand after `pnpm build` (pnpm --filter @crm/web lighthouse).
// LIGHTHOUSE_RUNS=5 measures each page and preset five times and prints the median run (by performance),
// which is what to compare: one run on a busy machine swings by ten points.
// LIGHTHOUSE_ONLY=dashboard:mobile measures one row (page:preset, comma-separated) while iterating;
// LIGHTHOUSE_JSON_DIR=<dir> keeps each row's median report there, to read its audits.
// LIGHTHOUSE_WEB_DIST=<dir> serves another build (a copy of an earlier `dist`), so two builds can be measured
// interleaved on the same machine load instead of against old figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiRoot = join(webRoot, '..', 'api');
const webDist = process.env.LIGHTHOUSE_WEB_DIST ?? join(webRoot, 'dist');
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

for (const [file, hint] of [
  [join(webDist, 'index.html'), 'run `pnpm build` first'],
  [join(apiRoot, 'dist', 'main.js'), 'run `pnpm build` first'],
  [chromePath, 'install Chromium (`apt-get install chromium`) or set CHROMIUM_PATH'],
]) {
  if (!existsSync(file)) {
    console.error(`lighthouse: ${file} is missing; ${hint}`);
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url, what) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

const children = [];
function start(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

const apiPort = await freePort();
const webPort = await freePort();
const webUrl = `http://localhost:${webPort}`;
start(process.execPath, ['dist/main.js'], {
  cwd: apiRoot,
  env: {
    ...process.env,
    NODE_ENV: 'development',
    DEMO_MODE: 'true',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    // The preview's port is not WEB_APP_URL's: exactly the case ALLOWED_ORIGINS exists for.
    ALLOWED_ORIGINS: webUrl,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    MONGODB_URI: '',
  },
});
start(join(webRoot, 'node_modules', '.bin', 'vite'), ['preview', '--outDir', webDist], {
  cwd: webRoot,
  env: { ...process.env, WEB_PORT: String(webPort), VITE_API_PROXY_TARGET: `http://127.0.0.1:${apiPort}` },
});

let chrome;
const stopAll = () => {
  chrome?.kill();
  for (const child of children) child.kill('SIGTERM');
};
process.once('SIGINT', () => {
  stopAll();
  process.exit(130);
});

/**
 * Signs the recruiter in inside Lighthouse's Chrome, so the dashboard run finds the session (cookie and
 * hint), then empties the HTTP cache: the dashboard is measured with a cold cache like the sign-in page.
 */
async function signIn(port) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${webUrl}/login`);
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  if ((await heading.textContent()) === 'Sign in') {
    await page.getByLabel('Email').fill('recruiter@example.com');
    await page.getByLabel('Password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
  }
  await (await page.context().newCDPSession(page)).send('Network.clearBrowserCache');
  await page.close();
}

const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
const only = process.env.LIGHTHOUSE_ONLY?.split(',').map((row) => row.trim()).filter(Boolean);
const jsonDir = process.env.LIGHTHOUSE_JSON_DIR;
if (jsonDir) mkdirSync(jsonDir, { recursive: true });
const rows = [];
try {
  await waitFor(`http://127.0.0.1:${apiPort}/api/health`, 'The compiled API');
  await waitFor(webUrl, 'vite preview');
  for (const preset of ['mobile', 'desktop']) {
    if (only && !only.some((row) => row.endsWith(`:${preset}`))) continue;
    // A fresh Chrome per preset: the sign-in page is measured signed out, the dashboard signed in.
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
    for (const [name, path, signedIn] of [
      ['sign-in', '/login', false],
      ['dashboard', '/', true],
    ]) {
      if (only && !only.includes(`${name}:${preset}`)) continue;
      const measured = [];
      for (let run = 0; run < runs; run++) {
        if (signedIn) await signIn(chrome.port);
        const result = await lighthouse(
          `${webUrl}${path}`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices'],
            // Keep the session the sign-in step left in this Chrome.
            disableStorageReset: signedIn,
          },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        const { finalDisplayedUrl } = result.lhr;
        if (new URL(finalDisplayedUrl).pathname !== path) throw new Error(`${name}: landed on ${finalDisplayedUrl}, not ${path}`);
        measured.push(result.lhr);
      }
      measured.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
      const median = measured[Math.floor(measured.length / 2)];
      const { categories, audits } = median;
      if (jsonDir) writeFileSync(join(jsonDir, `${name}-${preset}.json`), JSON.stringify(median));
      const score = (key) => Math.round((categories[key]?.score ?? 0) * 100);
      rows.push({
        page: name,
        preset,
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        CLS: Number(audits['cumulative-layout-shift'].numericValue.toFixed(3)),
        'LCP (ms)': Math.round(audits['largest-contentful-paint'].numericValue),
        'FCP (ms)': Math.round(audits['first-contentful-paint'].numericValue),
        'TBT (ms)': Math.round(audits['total-blocking-time'].numericValue),
        ...(runs > 1 ? { 'perf. range': `${Math.round(measured[0].categories.performance.score * 100)}–${Math.round(measured.at(-1).categories.performance.score * 100)}` } : {}),
      });
      // Anything below full marks outside performance says which audit, so a regression names itself.
      for (const key of ['accessibility', 'best-practices']) {
        for (const ref of categories[key].auditRefs) {
          const audit = audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
            const items = (audit.details?.items ?? []).map((item) => item.description ?? item.url ?? item.node?.snippet ?? '').filter(Boolean);
            console.log(`  ${name} ${preset} ${key}: ${audit.id} — ${audit.title}${items.length ? `: ${items.join(' | ')}` : ''}`);
          }
        }
      }
    }
    await chrome.kill();
    chrome = undefined;
  }
  console.table(rows);
} finally {
  stopAll();
}
process.exit(0);
