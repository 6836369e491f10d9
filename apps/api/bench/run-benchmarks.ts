/**
 * `pnpm bench`: the figures behind docs/performance.md. Every server runs in its own Node process on
 * 127.0.0.1 (the API, a bare Express baseline, the Zoom simulator); this process only generates load.
 * Every load is bounded by time or count. Prints one table and writes bench/results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ORGANISATION_MEETING_DEFAULTS } from '@crm/shared/interviews';
import { zoomCreateBody } from '../src/domain/meetings/zoom-meeting-body';
import { withDatabase } from '../test/contract/mongo-database-uri';
import {
  BENCH_LOG_LEVEL,
  BENCH_PASSWORD,
  BENCH_S2S_APP,
  BENCH_ZOOM_USER,
  SYSTEM_HOST_EMAIL,
  redirectUri,
  type ApiServerConfig,
  type BenchUserKey,
} from './support/bench-config';
import { residentMemoryMb, startChildServer, type ChildServer } from './support/child-process-server';
import { connectZoom, interviewBody, signIn, type CrmHttpSession } from './support/crm-http-session';
import { runLoad, type LoadResult } from './support/load-test';
import { runPacedLoad } from './support/paced-load';
import { ms, perSecond, renderTable, type BenchRow } from './support/results-table';
import { freePort } from '../test/support/free-port';
import { measureWebhookBurst, WEBHOOK_BURST_ENV } from './webhook-burst';
import { measureOrganisation, measureStoreOpsPerCreate } from './organisation-benchmarks';
import { measureDashboardFirstPage } from './dashboard-first-page';

const BENCH_DIR = __dirname;
const REPO_ROOT = path.resolve(BENCH_DIR, '../../..');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');

const WARMUP_S = 2;
const MEASURE_S = 8;
const STATUS_CONNECTIONS = 20;
const CREATE_CONNECTIONS = 50;
const CREATE_MEASURE_S = 6;
/** Offered rate for the overhead figure: about a third of what the API sustains on 2 cores with Zoom at +0 ms. */
const CREATE_RATE = 200;
const STORM_SIZE = 1_000;
const MEMORY_INTERVIEWS = 10_000;

type Users = Record<BenchUserKey, { id: string; email: string }>;
interface ApiInfo {
  urls: string[];
  users: Users;
  store: string;
}
interface Stack {
  zoomUrl: string;
  api: Pick<ChildServer<ApiInfo>, 'info' | 'collectGarbage' | 'stop'>;
  close(): Promise<void>;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A fresh simulator and API process (one or more instances on one store), so caches start cold. */
async function startStack(options: { instances: number; apiNodeArgs?: string[]; env?: Record<string, string> }): Promise<Stack> {
  const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
  const zoom = await startChildServer<{ url: string }>(path.join(BENCH_DIR, 'servers/zoom-simulator-server.ts'), { redirectUris: ports.map(redirectUri) });
  try {
    const config: ApiServerConfig = { ports, zoomUrl: zoom.info.url, seedUsers: true, ...(options.env ? { env: options.env } : {}) };
    const api = await startChildServer<ApiInfo>(path.join(BENCH_DIR, 'servers/api-server.ts'), config, { nodeArgs: options.apiNodeArgs ?? [] });
    return {
      zoomUrl: zoom.info.url,
      api,
      async close() {
        await api.stop();
        await zoom.stop();
      },
    };
  } catch (error) {
    await zoom.stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Simulator control over HTTP (/__sim)

interface SimStats {
  tokenRequestCounts: Record<'authorization_code' | 'refresh_token' | 'account_credentials', number>;
  tokenGrantCounts: Record<'authorization_code' | 'refresh_token' | 'account_credentials', number>;
}

async function simulator<T = unknown>(zoomUrl: string, method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${zoomUrl}/__sim/${route}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`simulator ${method} ${route} answered ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A Server-to-Server token straight from the simulator, to time its meetings endpoint without the API. */
async function simulatorAccountToken(zoomUrl: string): Promise<string> {
  const response = await fetch(`${zoomUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${BENCH_S2S_APP.clientId}:${BENCH_S2S_APP.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'account_credentials', account_id: BENCH_S2S_APP.accountId }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

// ---------------------------------------------------------------------------------------------
// 1. GET /api/zoom/status against bare Express

async function measureStatus(stack: Stack, interviewer: CrmHttpSession): Promise<BenchRow> {
  const bare = await startChildServer<{ url: string }>(path.join(BENCH_DIR, 'servers/bare-express-server.ts'), {});
  try {
    const statusUrl = `${stack.api.info.urls[0]}/api/zoom/status`;
    const check = (await (await fetch(statusUrl, { headers: { cookie: interviewer.cookieHeader() } })).json()) as { state: string };
    if (check.state !== 'connected') throw new Error(`the benchmark interviewer is ${check.state}, expected connected`);
    const run = async (url: string, headers: Record<string, string>) => {
      await runLoad({ url, headers, connections: STATUS_CONNECTIONS, duration: WARMUP_S });
      return runLoad({ url, headers, connections: STATUS_CONNECTIONS, duration: MEASURE_S });
    };
    log(`GET /api/zoom/status vs bare Express: ${STATUS_CONNECTIONS} connections, ${MEASURE_S} s each`);
    const baseline = await run(`${bare.info.url}/bare`, {});
    const product = await run(statusUrl, { cookie: interviewer.cookieHeader() });
    const ratio = product.rps / baseline.rps;
    return {
      id: 'status_vs_bare_express',
      measurement: `GET /api/zoom/status vs bare Express (${STATUS_CONNECTIONS} conns, LOG_LEVEL=${BENCH_LOG_LEVEL})`,
      figure: `${ratio.toFixed(2)}× (${perSecond(product.rps)}, p50 ${ms(product.p50Ms)}, p99 ${ms(product.p99Ms)} vs ${perSecond(baseline.rps)}, p50 ${ms(baseline.p50Ms)}, p99 ${ms(baseline.p99Ms)})`,
      goal: '≥ 0.60×',
      verdict: ratio >= 0.6 && product.non2xx === 0 && product.errors === 0 ? 'pass' : 'FAIL',
      data: { ratio, product, baseline, connections: STATUS_CONNECTIONS, durationS: MEASURE_S },
    };
  } finally {
    await bare.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. POST /api/interviews overhead over the simulator's own latency

async function measureCreateOverhead(stack: Stack, recruiter: CrmHttpSession, users: Users): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const apiUrl = stack.api.info.urls[0]!;
  const accountToken = await simulatorAccountToken(stack.zoomUrl);
  const zoomBody = JSON.stringify(
    zoomCreateBody(
      { topic: 'Interview: Bench Candidate – Backend Engineer', startTime: new Date(Date.now() + 3 * 86_400_000), durationMinutes: 45, timeZone: 'Europe/Berlin', agenda: 'System design and a short coding exercise' },
      ORGANISATION_MEETING_DEFAULTS,
      'Bench1234',
    ),
  );
  const product = { url: `${apiUrl}/api/interviews`, method: 'POST' as const, headers: recruiter.jsonHeaders(), body: JSON.stringify(interviewBody(users.interviewer.id)) };
  const zoomDirect = {
    url: `${stack.zoomUrl}/v2/users/${encodeURIComponent(SYSTEM_HOST_EMAIL)}/meetings`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${accountToken}`, 'content-type': 'application/json' },
    body: zoomBody,
  };
  const run = async (target: typeof product, overallRate: number) => {
    if (overallRate > 0) {
      const paced = { ...target, connections: CREATE_CONNECTIONS, ratePerSecond: overallRate };
      await runPacedLoad({ ...paced, durationS: WARMUP_S });
      return runPacedLoad({ ...paced, durationS: CREATE_MEASURE_S });
    }
    await runLoad({ ...target, connections: CREATE_CONNECTIONS, duration: WARMUP_S });
    return runLoad({ ...target, connections: CREATE_CONNECTIONS, duration: CREATE_MEASURE_S });
  };

  for (const latencyMs of [0, 100]) {
    await simulator(stack.zoomUrl, 'DELETE', 'faults');
    if (latencyMs > 0) await simulator(stack.zoomUrl, 'POST', 'faults', { endpoint: 'meetings.create', latencyMs });
    // Paced first: overhead is what the API adds to each call. Then unpaced: what 50 connections flat out do to 2 cores.
    for (const overallRate of [CREATE_RATE, 0]) {
      const pace = overallRate ? `${overallRate} req/s evenly paced` : 'unpaced';
      log(`POST /api/interviews, simulator +${latencyMs} ms: ${CREATE_CONNECTIONS} connections, ${pace}, ${CREATE_MEASURE_S} s, then the simulator alone`);
      const api = await run(product, overallRate);
      const zoom = await run(zoomDirect, overallRate);
      const overhead = api.p99Ms - zoom.p99Ms;
      const healthy = api.non2xx === 0 && api.errors === 0;
      rows.push({
        id: `create_interview_overhead_${latencyMs}ms_${overallRate ? `${overallRate}rps` : 'unpaced'}`,
        measurement: `POST /api/interviews p99 minus Zoom's own p99, Zoom +${latencyMs} ms (${CREATE_CONNECTIONS} conns, ${pace})`,
        figure: `${ms(overhead)} (API p99 ${ms(api.p99Ms)}, p50 ${ms(api.p50Ms)}, ${perSecond(api.rps)}; Zoom alone p99 ${ms(zoom.p99Ms)}, ${perSecond(zoom.rps)})`,
        goal: overallRate ? '≤ 10 ms' : 'none: capacity under saturation',
        verdict: overallRate ? (overhead <= 10 && healthy ? 'pass' : 'FAIL') : healthy ? 'info' : 'FAIL',
        data: { overheadMs: overhead, simulatorLatencyMs: latencyMs, offeredRate: overallRate || null, api, zoomAlone: zoom, connections: CREATE_CONNECTIONS, durationS: CREATE_MEASURE_S },
      });
    }
  }
  await simulator(stack.zoomUrl, 'DELETE', 'faults');
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. Token storms

interface StormOutcome {
  tokenRequests: number;
  tokenGrants: number;
  failures: number;
  statuses: Record<string, number>;
  wallMs: number;
}

/** STORM_SIZE interviews created at once, spread over the API instances; a failure is any non-2xx or a meeting on the wrong account. */
async function storm(stack: Stack, recruiter: CrmHttpSession, interviewerId: string, expectedHost: 'interviewer' | 'system', grant: 'refresh_token' | 'account_credentials'): Promise<StormOutcome> {
  const urls = stack.api.info.urls;
  const before = await simulator<SimStats>(stack.zoomUrl, 'GET', 'stats');
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: STORM_SIZE }, async (_, i) => {
      try {
        const response = await fetch(`${urls[i % urls.length]}/api/interviews`, { method: 'POST', headers: recruiter.jsonHeaders(), body: JSON.stringify(interviewBody(interviewerId)) });
        const body = (await response.json()) as { interview?: { meeting: { hostSource: string | null } } };
        if (response.status !== 201) return `${response.status}`;
        return body.interview?.meeting.hostSource === expectedHost ? '201' : `201 on ${body.interview?.meeting.hostSource}`;
      } catch (error) {
        return `network error ${(error as Error).message}`;
      }
    }),
  );
  const wallMs = Date.now() - started;
  const after = await simulator<SimStats>(stack.zoomUrl, 'GET', 'stats');
  const statuses: Record<string, number> = {};
  for (const outcome of outcomes) statuses[outcome] = (statuses[outcome] ?? 0) + 1;
  return {
    tokenRequests: after.tokenRequestCounts[grant] - before.tokenRequestCounts[grant],
    tokenGrants: after.tokenGrantCounts[grant] - before.tokenGrantCounts[grant],
    failures: STORM_SIZE - (statuses['201'] ?? 0),
    statuses,
    wallMs,
  };
}

function stormRow(id: string, measurement: string, outcome: StormOutcome): BenchRow {
  return {
    id,
    measurement,
    figure: `${outcome.tokenRequests} token request${outcome.tokenRequests === 1 ? '' : 's'}, ${outcome.failures} failures (${STORM_SIZE} requests in ${(outcome.wallMs / 1000).toFixed(1)} s)`,
    goal: '1 request, 0 failures',
    verdict: outcome.tokenRequests === 1 && outcome.failures === 0 ? 'pass' : 'FAIL',
    data: { ...outcome, requests: STORM_SIZE },
  };
}

/** Connects the interviewer with a short-lived token, then lets it expire (at Zoom and by its stored expiry). */
async function connectWithExpiringToken(stack: Stack, interviewer: CrmHttpSession): Promise<void> {
  await simulator(stack.zoomUrl, 'POST', 'access-token-ttl', { seconds: 2 });
  const result = await connectZoom(stack.api.info.urls[0]!, interviewer, BENCH_ZOOM_USER.id);
  if (result !== 'connected') throw new Error(`Connect Zoom ended with ${result}`);
  await simulator(stack.zoomUrl, 'POST', 'access-token-ttl', { seconds: 3599 });
  await delay(2_100);
  await simulator(stack.zoomUrl, 'POST', 'expire-access-tokens', { zoomUserId: BENCH_ZOOM_USER.id });
}

async function measureStorms(stack: Stack, label: string, idPrefix: string): Promise<BenchRow[]> {
  const apiUrl = stack.api.info.urls[0]!;
  const { users } = stack.api.info;
  const interviewer = await signIn(apiUrl, users.interviewer.email, BENCH_PASSWORD);
  const recruiter = await signIn(apiUrl, users.recruiter.email, BENCH_PASSWORD);
  await connectWithExpiringToken(stack, interviewer);

  log(`refresh storm (${label}): ${STORM_SIZE} interviews at once for an interviewer whose token just expired`);
  const expired = await storm(stack, recruiter, users.interviewer.id, 'interviewer', 'refresh_token');
  // The API still holds a token it believes valid; Zoom refuses it (401) and the API has to notice.
  await simulator(stack.zoomUrl, 'POST', 'expire-access-tokens', { zoomUserId: BENCH_ZOOM_USER.id });
  log(`refresh storm (${label}): ${STORM_SIZE} interviews at once after Zoom expired the token early`);
  const revoked = await storm(stack, recruiter, users.interviewer.id, 'interviewer', 'refresh_token');
  log(`S2S storm (${label}): ${STORM_SIZE} interviews at once for an interviewer without Zoom, cold token cache`);
  const s2s = await storm(stack, recruiter, users.unconnectedInterviewer.id, 'system', 'account_credentials');
  return [
    stormRow(`${idPrefix}_refresh_storm_expired`, `Refresh storm, token expired (${label})`, expired),
    stormRow(`${idPrefix}_refresh_storm_revoked_early`, `Refresh storm, Zoom expired the token early (${label})`, revoked),
    stormRow(`${idPrefix}_s2s_storm`, `Server-to-Server storm, ${STORM_SIZE} fallbacks (${label})`, s2s),
  ];
}

/** Two API processes on one MongoDB: the real cross-process case, run only when MONGODB_URI is set. */
async function measureStormsAcrossProcesses(): Promise<BenchRow[]> {
  const uri = process.env.MONGODB_URI;
  const label = 'two API processes, one MongoDB';
  if (!uri) {
    const reason = 'MONGODB_URI is not set: separate OS processes need a shared store such as MongoDB (the in-memory store lives inside one process)';
    log(`skipped: ${label}. ${reason}`);
    return [{ id: 'processes_storms', measurement: `Storms across ${label}`, figure: `skipped: ${reason}`, goal: '1 request, 0 failures', verdict: 'skipped', data: { reason } }];
  }
  const database = `crm-bench-${Date.now()}`;
  const mongodbUri = withDatabase(uri, database);
  const ports: [number, number] = [await freePort(), await freePort()];
  const zoom = await startChildServer<{ url: string }>(path.join(BENCH_DIR, 'servers/zoom-simulator-server.ts'), { redirectUris: ports.map(redirectUri) });
  const apiScript = path.join(BENCH_DIR, 'servers/api-server.ts');
  const first = await startChildServer<ApiInfo>(apiScript, { ports: [ports[0]], zoomUrl: zoom.info.url, mongodbUri, seedUsers: true, dropDatabaseOnExit: true } satisfies ApiServerConfig);
  const second = await startChildServer<ApiInfo>(apiScript, { ports: [ports[1]], zoomUrl: zoom.info.url, mongodbUri, seedUsers: false } satisfies ApiServerConfig);
  const stack: Stack = {
    zoomUrl: zoom.info.url,
    api: { ...first, info: { ...first.info, urls: [...first.info.urls, ...second.info.urls] } },
    async close() {
      await second.stop();
      await first.stop();
      await zoom.stop();
    },
  };
  try {
    return await measureStorms(stack, label, 'processes');
  } finally {
    await stack.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Memory after 10,000 interviews

async function measureMemory(): Promise<BenchRow> {
  const stack = await startStack({ instances: 1, apiNodeArgs: ['--expose-gc'] });
  try {
    const apiUrl = stack.api.info.urls[0]!;
    const { users } = stack.api.info;
    const interviewer = await signIn(apiUrl, users.interviewer.email, BENCH_PASSWORD);
    if ((await connectZoom(apiUrl, interviewer, BENCH_ZOOM_USER.id)) !== 'connected') throw new Error('Connect Zoom failed');
    const recruiter = await signIn(apiUrl, users.recruiter.email, BENCH_PASSWORD);
    const { heapUsedMb: heapAtStartMb } = await stack.api.collectGarbage();
    const atStartMb = await residentMemoryMb(stack.api.info.pid);
    log(`memory: creating ${MEMORY_INTERVIEWS.toLocaleString('en-US')} interviews, ${CREATE_CONNECTIONS} connections`);
    const created: LoadResult = await runLoad({
      url: `${apiUrl}/api/interviews`,
      method: 'POST',
      headers: recruiter.jsonHeaders(),
      body: JSON.stringify(interviewBody(users.interviewer.id)),
      connections: CREATE_CONNECTIONS,
      amount: MEMORY_INTERVIEWS,
    });
    await delay(1_000);
    const afterLoadMb = await residentMemoryMb(stack.api.info.pid);
    const { heapUsedMb } = await stack.api.collectGarbage();
    await delay(1_000);
    const afterMb = await residentMemoryMb(stack.api.info.pid);
    log(`memory: RSS ${afterLoadMb?.toFixed(0)} MB right after the load, ${afterMb?.toFixed(0)} MB after a full GC; heap in use ${heapAtStartMb.toFixed(0)} → ${heapUsedMb.toFixed(0)} MB`);
    const listed = await fetch(`${apiUrl}/api/interviews?when=all&limit=1`, { headers: { cookie: recruiter.cookieHeader() } });
    if (listed.status !== 200) throw new Error(`listing interviews answered ${listed.status}`);
    if (afterMb === null) {
      return { id: 'memory_after_10k_interviews', measurement: `API RSS after ${MEMORY_INTERVIEWS.toLocaleString('en-US')} interviews`, figure: 'skipped: /proc is not available on this OS', goal: '≤ 200 MB', verdict: 'skipped', data: {} };
    }
    return {
      id: 'memory_after_10k_interviews',
      measurement: `API resident memory after ${MEMORY_INTERVIEWS.toLocaleString('en-US')} interviews (in-memory store)`,
      figure: `${afterMb.toFixed(0)} MB after a full GC, ${afterLoadMb?.toFixed(0)} MB before it (${atStartMb?.toFixed(0)} MB at start; JS heap in use ${heapAtStartMb.toFixed(0)} → ${heapUsedMb.toFixed(0)} MB; ${created.ok.toLocaleString('en-US')} created, ${created.non2xx + created.errors} failed)`,
      goal: '≤ 200 MB',
      verdict: afterMb <= 200 && created.ok === MEMORY_INTERVIEWS ? 'pass' : 'FAIL',
      data: { rssMb: afterMb, rssBeforeGcMb: afterLoadMb, rssAtStartMb: atStartMb, heapUsedMb, heapUsedAtStartMb: heapAtStartMb, created: created.ok, failed: created.non2xx + created.errors, source: `/proc/${stack.api.info.pid}/status VmRSS` },
    };
  } finally {
    await stack.close();
  }
}

// ---------------------------------------------------------------------------------------------

const SECTIONS = ['status', 'create', 'storms', 'memory', 'webhooks', 'organisation', 'dashboard-first-page'] as const;
type Section = (typeof SECTIONS)[number];

/** `pnpm bench` runs everything; `pnpm bench --only=storms,memory` a part, e.g. while looking into one figure. */
function selectedSections(): Set<Section> {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (!only) return new Set(SECTIONS);
  const picked = only.split(',').map((name) => name.trim());
  const unknown = picked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only takes ${SECTIONS.join(', ')}; got ${unknown.join(', ')}`);
  return new Set(picked as Section[]);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const sections = selectedSections();
  const rows: BenchRow[] = [];

  if (sections.has('status') || sections.has('create')) {
    const primary = await startStack({ instances: 1 });
    try {
      const apiUrl = primary.api.info.urls[0]!;
      const { users } = primary.api.info;
      const interviewer = await signIn(apiUrl, users.interviewer.email, BENCH_PASSWORD);
      if ((await connectZoom(apiUrl, interviewer, BENCH_ZOOM_USER.id)) !== 'connected') throw new Error('Connect Zoom failed');
      const recruiter = await signIn(apiUrl, users.recruiter.email, BENCH_PASSWORD);
      if (sections.has('status')) rows.push(await measureStatus(primary, interviewer));
      if (sections.has('create')) rows.push(...(await measureCreateOverhead(primary, recruiter, users)));
    } finally {
      await primary.close();
    }
  }

  if (sections.has('storms')) {
    for (const instances of [1, 2]) {
      const stack = await startStack({ instances });
      try {
        const label = instances === 1 ? 'one API instance' : 'two API instances, one shared in-memory store, one process';
        rows.push(...(await measureStorms(stack, label, instances === 1 ? 'single' : 'instances')));
      } finally {
        await stack.close();
      }
    }
    rows.push(...(await measureStormsAcrossProcesses()));
  }
  if (sections.has('memory')) rows.push(await measureMemory());
  if (sections.has('webhooks')) {
    log('webhook burst: 1,000 signed deliveries, 50 in flight');
    const stack = await startStack({ instances: 1, env: WEBHOOK_BURST_ENV });
    try {
      const apiUrl = stack.api.info.urls[0]!;
      rows.push(await measureWebhookBurst(apiUrl, await signIn(apiUrl, stack.api.info.users.admin.email, BENCH_PASSWORD)));
    } finally {
      await stack.close();
    }
  }
  if (sections.has('organisation')) {
    rows.push(await measureStoreOpsPerCreate());
    const zoom = await startChildServer<{ url: string }>(path.join(BENCH_DIR, 'servers/zoom-simulator-server.ts'), { redirectUris: [] });
    try {
      rows.push(...(await measureOrganisation(zoom.info.url, BENCH_DIR)));
      if (process.env.MONGODB_URI) rows.push(...(await measureOrganisation(zoom.info.url, BENCH_DIR, withDatabase(process.env.MONGODB_URI, `crm-bench-org-${Date.now()}`))));
      else log('skipped: the organisation on MongoDB (MONGODB_URI is not set)');
    } finally {
      await zoom.stop();
    }
  }

  if (sections.has('dashboard-first-page')) {
    const zoom = await startChildServer<{ url: string }>(path.join(BENCH_DIR, 'servers/zoom-simulator-server.ts'), { redirectUris: [] });
    try {
      rows.push(...(await measureDashboardFirstPage(zoom.info.url, BENCH_DIR)));
    } finally {
      await zoom.stop();
    }
  }

  const elapsedS = (Date.now() - startedAt) / 1000;
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
  const notes = [
    `Servers on 127.0.0.1, each in its own Node process; load from autocannon in the parent process. API with LOG_LEVEL=${BENCH_LOG_LEVEL} (no per-request log lines) and the in-memory store.`,
    'The two-instance storms run two API instances in one process sharing one store object, which exercises the same store lease as two processes would; separate OS processes need a shared store such as MongoDB (set MONGODB_URI to run that variant).',
    "Overhead = the API's p99 for POST /api/interviews minus the simulator's own p99 for the same Zoom call at the same concurrency, measured directly against the simulator right after.",
  ];
  const table = renderTable(rows);
  console.log(`\n${table}\n`);
  for (const note of notes) console.log(`- ${note}`);
  // A partial run (--only) never replaces the full results the docs quote.
  const resultsFile = path.join(RESULTS_DIR, sections.size === SECTIONS.length ? 'latest.json' : 'partial.json');
  console.log(`\n${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; whole run ${elapsedS.toFixed(0)} s. JSON: ${path.relative(process.cwd(), resultsFile)}`);

  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), elapsedS, machine, notes, table, results: rows }, null, 2)}\n`);
  // The table is a report; CI can opt into failing on a missed goal.
  if (process.env.BENCH_STRICT === '1' && rows.some((row) => row.verdict === 'FAIL')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
