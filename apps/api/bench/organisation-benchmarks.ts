/**
 * Issue 17's figures: the API at the size of a real customer (2,000 interviewers, 60 % connected, 300
 * recruiters, 50,000 interviews over two years), and the store round trips of one create.
 */
import path from 'node:path';
import { createMemoryStore } from '../src/data/memory/create-memory-store';
import { countingStore } from '../test/support/counting-store';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from '../test/support/meeting-test-helpers';
import { signInAs } from '../test/support/start-test-api';
import { connectZoom as connectZoomInTest, SIMULATED_INTERVIEWER, startTestStack } from '../test/support/start-test-stack';
import { TestClock } from '../test/support/test-clock';
import { BENCH_PASSWORD, type ApiServerConfig } from './support/bench-config';
import { startChildServer } from './support/child-process-server';
import { signIn, type CrmHttpSession } from './support/crm-http-session';
import type { AutocannonOptions } from 'autocannon';
import { runAlternatingLoads, runLoad, type LoadResult } from './support/load-test';
import { ms, type BenchRow } from './support/results-table';
import { freePort } from '../test/support/free-port';

const CONNECTIONS = 20;
const WARMUP_S = 1;
/** Each endpoint is measured in ROUNDS windows of ROUND_S, alternating with GET /api/zoom/status. */
const ROUNDS = 6;
const ROUND_S = 3;
/** How far into the filtered list the deep page is (pages of 25). */
const DEEP_PAGES = 40;
const RATIO_GOAL = 2;
const MEMORY_GOAL_MB = 400;

interface OrganisationInfo {
  urls: string[];
  organisation: {
    emails: { recruiter: string; admin: string; interviewer: string };
    size: { interviewers: number; recruiters: number; interviews: number };
    memory: { beforeMb: number; usersMb: number; seededMb: number; perTenThousandInterviewsMb: number };
    seedMs: number;
  };
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function loadOf(url: string, session: CrmHttpSession, duration: number): Promise<AutocannonOptions> {
  const headers = { cookie: session.cookieHeader() };
  const check = await fetch(url, { headers });
  if (check.status !== 200) throw new Error(`GET ${url} answered ${check.status}: ${await check.text()}`);
  return { url, headers, connections: CONNECTIONS, duration };
}

/**
 * GET /api/zoom/status and one list endpoint in alternating windows (after a warm-up of each), so both
 * p99s come from the same minutes of this shared 2-core machine.
 */
async function measureAgainstStatus(status: { url: string; session: CrmHttpSession }, listed: { url: string; session: CrmHttpSession }): Promise<[LoadResult, LoadResult]> {
  const [statusLoad, listedLoad] = await Promise.all([loadOf(status.url, status.session, ROUND_S), loadOf(listed.url, listed.session, ROUND_S)]);
  await runLoad({ ...statusLoad, duration: WARMUP_S });
  await runLoad({ ...listedLoad, duration: WARMUP_S });
  return runAlternatingLoads(statusLoad, listedLoad, ROUNDS);
}

/** A cursor DEEP_PAGES pages into the list with this query, followed the way the web app follows it. */
async function deepCursor(apiUrl: string, session: CrmHttpSession, query: string): Promise<string> {
  let cursor: string | null = null;
  for (let page = 0; page < DEEP_PAGES; page += 1) {
    const response = await fetch(`${apiUrl}/api/interviews?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { cookie: session.cookieHeader() } });
    const body = (await response.json()) as { nextCursor?: string | null };
    if (!body.nextCursor) throw new Error(`the list with ${query} ended after ${page + 1} pages`);
    cursor = body.nextCursor;
  }
  return cursor!;
}

/** List endpoints at the organisation's size, each timed right after GET /api/zoom/status so the ratio compares one moment. */
export async function measureOrganisation(zoomUrl: string, benchDir: string, mongodbUri?: string): Promise<BenchRow[]> {
  const port = await freePort();
  const storeLabel = mongodbUri ? 'MongoDB' : 'in-memory store';
  const config: ApiServerConfig = { ports: [port], zoomUrl, seedUsers: true, seedOrganisation: true, ...(mongodbUri ? { mongodbUri, dropDatabaseOnExit: true } : {}) };
  log(`organisation: seeding 2,000 interviewers, 300 recruiters and 50,000 interviews into the ${storeLabel}`);
  const api = await startChildServer<OrganisationInfo>(path.join(benchDir, 'servers/api-server.ts'), config, { nodeArgs: ['--expose-gc'], timeoutMs: 600_000 });
  try {
    const apiUrl = api.info.urls[0]!;
    const { emails, memory, seedMs, size } = api.info.organisation;
    log(`organisation: seeded in ${(seedMs / 1000).toFixed(1)} s; RSS ${memory.seededMb.toFixed(0)} MB`);
    const [recruiter, admin, interviewer] = await Promise.all([signIn(apiUrl, emails.recruiter, BENCH_PASSWORD), signIn(apiUrl, emails.admin, BENCH_PASSWORD), signIn(apiUrl, emails.interviewer, BENCH_PASSWORD)]);
    const deepQuery = 'when=all&hostSource=system&limit=25';
    const deep = await deepCursor(apiUrl, recruiter, deepQuery);
    const targets: Array<{ id: string; label: string; url: string; session: CrmHttpSession }> = [
      { id: 'org_interviews_first_page', label: 'GET /api/interviews, first page (25, upcoming)', url: `${apiUrl}/api/interviews?limit=25`, session: recruiter },
      { id: 'org_interviews_deep_filtered_page', label: `GET /api/interviews, page ${DEEP_PAGES + 1} of the system-hosted ones (cursor)`, url: `${apiUrl}/api/interviews?${deepQuery}&cursor=${encodeURIComponent(deep)}`, session: recruiter },
      { id: 'org_interviews_candidate_search', label: 'GET /api/interviews?q=grace (candidate prefix)', url: `${apiUrl}/api/interviews?limit=25&q=grace`, session: recruiter },
      { id: 'org_admin_connections_page', label: 'GET /api/admin/zoom/connections, a page of 50 connected', url: `${apiUrl}/api/admin/zoom/connections?limit=50&state=connected`, session: admin },
      { id: 'org_interviewer_type_ahead', label: 'GET /api/interviewers?q=mar (type-ahead, 20)', url: `${apiUrl}/api/interviewers?q=mar&limit=20`, session: recruiter },
    ];
    const rows: BenchRow[] = [];
    for (const target of targets) {
      log(`organisation: ${target.label} vs GET /api/zoom/status, ${CONNECTIONS} connections, ${ROUNDS} alternating windows of ${ROUND_S} s each`);
      const [status, listed] = await measureAgainstStatus({ url: `${apiUrl}/api/zoom/status`, session: interviewer }, target);
      const ratio = listed.p99Ms / status.p99Ms;
      const healthy = listed.non2xx === 0 && listed.errors === 0 && status.non2xx === 0;
      rows.push({
        id: mongodbUri ? `${target.id}_mongodb` : target.id,
        measurement: `${target.label} p99 vs GET /api/zoom/status p99 (${size.interviews.toLocaleString('en-US')} interviews, ${storeLabel}, ${CONNECTIONS} conns, ${ROUNDS} × ${ROUND_S} s alternating)`,
        figure: `${ratio.toFixed(2)}× (p99 ${ms(listed.p99Ms)}, p50 ${ms(listed.p50Ms)}, ${Math.round(listed.rps)} req/s; status p99 ${ms(status.p99Ms)})`,
        goal: `≤ ${RATIO_GOAL}×`,
        verdict: ratio <= RATIO_GOAL && healthy ? 'pass' : 'FAIL',
        data: { ratio, listed, status, connections: CONNECTIONS, rounds: ROUNDS, roundS: ROUND_S },
      });
    }
    // On MongoDB the data lives in the database: the process's memory says nothing about it.
    if (mongodbUri) return rows;
    rows.push({
      id: 'org_memory_seeded',
      measurement: `API resident memory with the organisation loaded (in-memory store, after a full GC)`,
      figure: `${memory.seededMb.toFixed(0)} MB (${memory.beforeMb.toFixed(0)} MB empty, ${memory.usersMb.toFixed(0)} MB with the users); +${memory.perTenThousandInterviewsMb.toFixed(1)} MB per 10,000 interviews; seeded in ${(seedMs / 1000).toFixed(1)} s`,
      goal: `≤ ${MEMORY_GOAL_MB} MB`,
      verdict: memory.seededMb <= MEMORY_GOAL_MB ? 'pass' : 'FAIL',
      data: { ...memory, seedMs },
    });
    return rows;
  } finally {
    await api.stop();
  }
}

/** Repository calls of one successful create (connected interviewer, warm caches), counted by a wrapping store. */
export async function measureStoreOpsPerCreate(): Promise<BenchRow> {
  const clock = new TestClock();
  const counting = countingStore(createMemoryStore({ serverClock: clock.now }));
  const stack = await startTestStack({ env: { ...S2S_ENV, LOG_LEVEL: 'warn' }, store: counting.store });
  try {
    const interviewer = await signInAs(stack.api, 'interviewer');
    if ((await connectZoomInTest(interviewer.agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).result !== 'connected') throw new Error('Connect Zoom failed');
    const recruiter = await signInAs(stack.api, 'recruiter');
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    counting.reset();
    const { status } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const calls = counting.calls();
    const reads = calls.filter((call) => call.kind === 'read').map((call) => call.name);
    const writes = calls.filter((call) => call.kind === 'write').map((call) => call.name);
    const repeated = reads.length - new Set(reads).size;
    return {
      id: 'store_ops_per_create',
      measurement: 'Store operations per successful POST /api/interviews (connected interviewer; counted by a wrapping store)',
      figure: `${writes.length} writes (${writes.join(', ')}), ${reads.length} reads (${reads.join(', ')}), ${repeated} repeated`,
      goal: '≤ 3 writes, ≤ 3 reads, none repeated',
      verdict: status === 201 && writes.length <= 3 && reads.length <= 3 && repeated === 0 ? 'pass' : 'FAIL',
      data: { writes, reads, status },
    };
  } finally {
    await stack.close();
  }
}
