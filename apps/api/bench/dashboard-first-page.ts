/**
 * Issue 17's browser figure: with the 2,000 / 50,000 organisation loaded, how long after navigation the
 * dashboard shows its first page of interviews in Chromium. The API serves the built web app itself
 * (WEB_DIST_DIR, as production does), a recruiter is signed in, and each of RUNS loads happens in a
 * fresh browser context (empty cache). The time is read from the page's own Performance API.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { BENCH_PASSWORD, type ApiServerConfig } from './support/bench-config';
import { startChildServer } from './support/child-process-server';
import { ms, type BenchRow } from './support/results-table';
import { freePort } from '../test/support/free-port';

const RUNS = 5;
const GOAL_MS = 1_000;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags the browser tests use (apps/web/playwright.config.ts). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface OrganisationInfo {
  urls: string[];
  organisation: { emails: { recruiter: string } };
}

interface FirstPage {
  /** performance.now() (ms since navigation started) when the first interview of the list entered the DOM. */
  inserted: number;
  /** …and at the next animation frame, i.e. when it is drawn. */
  rendered: number;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Runs in the page before its own scripts: marks the moment the dashboard's first page of interviews
 * (the first row of `ul.interview-list`) is in the DOM, then the next frame. No change to the app needed.
 * A string: this package compiles without the DOM types.
 */
const WATCH_FIRST_PAGE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('ul.interview-list > li')) return;
    observer.disconnect();
    performance.mark('interviews-first-page-in-dom');
    const inserted = performance.now();
    requestAnimationFrame(() => {
      performance.mark('interviews-first-page-rendered');
      window.__firstPage = { inserted, rendered: performance.now() };
    });
  }).observe(document, { childList: true, subtree: true });
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The built SPA (apps/web/dist), built first when it is missing. */
function webDist(repoRoot: string): string {
  const dist = path.join(repoRoot, 'apps/web/dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    log('dashboard: building the web app (apps/web/dist is missing)');
    execFileSync('npx', ['-y', 'pnpm@10.34.8', '--filter', '@crm/web', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  return dist;
}

type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Signs in through the sign-in form, as a person does, and keeps the session (cookies, storage) for the timed loads. */
async function signInThroughTheForm(browser: Browser, url: string, email: string): Promise<SignedIn> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(BENCH_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/`, { timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** One timed load of the dashboard in a fresh context: signed in, but nothing cached. */
async function loadOnce(browser: Browser, url: string, session: SignedIn): Promise<FirstPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: session });
  try {
    await context.addInitScript({ content: WATCH_FIRST_PAGE });
    const page = await context.newPage();
    await page.goto(`${url}/`);
    // Functions, not strings: the app's CSP (script-src 'self') refuses the eval a string predicate needs.
    const marked = () => (globalThis as { __firstPage?: FirstPage }).__firstPage;
    await page.waitForFunction(marked, undefined, { timeout: 30_000 }).catch(async (error: unknown) => {
      // Say what the page showed instead: a sign-in form, an error, an empty list.
      const shown = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
      throw new Error(`the dashboard at ${page.url()} showed no interviews within 30 s: "${shown}"`, { cause: error });
    });
    return (await page.evaluate(marked))!;
  } finally {
    await context.close();
  }
}

export async function measureDashboardFirstPage(zoomUrl: string, benchDir: string): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM_PATH)) {
    log(`skipped: the dashboard first page (no Chromium at ${CHROMIUM_PATH})`);
    return [];
  }
  const repoRoot = path.resolve(benchDir, '../../..');
  const dist = webDist(repoRoot);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The browser's origin is the API's own: the web app is served from it, as in production.
  const config: ApiServerConfig = { ports: [port], zoomUrl, seedUsers: true, seedOrganisation: true, env: { WEB_DIST_DIR: dist, WEB_APP_URL: origin } };
  log('dashboard: seeding the organisation (2,000 interviewers, 50,000 interviews) for the Chromium figure');
  const api = await startChildServer<OrganisationInfo>(path.join(benchDir, 'servers/api-server.ts'), config, { nodeArgs: ['--expose-gc'], timeoutMs: 600_000 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const session = await signInThroughTheForm(browser, origin, api.info.organisation.emails.recruiter);
    const runs: FirstPage[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      runs.push(await loadOnce(browser, origin, session));
      log(`dashboard: load ${run + 1} of ${RUNS}: first page in the DOM at ${ms(runs.at(-1)!.inserted)}, drawn at ${ms(runs.at(-1)!.rendered)}`);
    }
    const rendered = median(runs.map((run) => run.rendered));
    return [
      {
        id: 'org_dashboard_first_page_chromium',
        measurement: `Chromium (${CHROMIUM_PATH}, headless): dashboard's first page of interviews drawn, from navigation (Performance API; 50,000 interviews, in-memory store, built web app served by the API; median of ${RUNS} cold loads)`,
        figure: `${ms(rendered)} median (runs: ${runs.map((run) => ms(run.rendered)).join(', ')}; in the DOM at ${ms(median(runs.map((run) => run.inserted)))} median)`,
        goal: `≤ ${ms(GOAL_MS)}`,
        verdict: rendered <= GOAL_MS ? 'pass' : 'FAIL',
        data: { runs, medianRenderedMs: rendered },
      },
    ];
  } finally {
    await browser.close();
    await api.stop();
  }
}
