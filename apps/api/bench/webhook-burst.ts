import { setTimeout as delay } from 'node:timers/promises';
import type { AdminZoomEventsResponse } from '@crm/shared/zoom-connection';
import { signWebhook } from '@crm/zoom-simulator';
import type { CrmHttpSession } from './support/crm-http-session';
import { ms, type BenchRow } from './support/results-table';

export const WEBHOOK_BURST_SIZE = 1_000;
const WEBHOOK_BURST_CONCURRENCY = 50;
/** Local test value, not a secret: the bench API verifies deliveries with it. */
export const BENCH_WEBHOOK_SECRET = 'bench-webhook-secret-token';
/** The API settings the burst runs with: the limiter opened (its default 600 a minute would 429 part of a burst), jobs on. */
export const WEBHOOK_BURST_ENV = { ZOOM_WEBHOOK_SECRET_TOKEN: BENCH_WEBHOOK_SECRET, ZOOM_WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000', BACKGROUND_JOBS: 'true' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function storedCounts(apiUrl: string, admin: CrmHttpSession): Promise<AdminZoomEventsResponse['stored']> {
  const response = await fetch(`${apiUrl}/api/admin/zoom/events`, { headers: { cookie: admin.cookieHeader() } });
  if (response.status !== 200) throw new Error(`GET /api/admin/zoom/events answered ${response.status}`);
  return ((await response.json()) as AdminZoomEventsResponse).stored;
}

/**
 * 1,000 signed meeting events, 50 deliveries in flight at a time, as Zoom sends a busy hour's joins at
 * once. Answer time is each delivery's round trip; processed and lost are read back from the inbox once
 * the processor has drained it (lost = neither answered 2xx-and-processed nor pending).
 */
export async function measureWebhookBurst(apiUrl: string, admin: CrmHttpSession): Promise<BenchRow> {
  // Warm-up, as the other sections have: the first deliveries pay for JIT and lazy module loading.
  await sendBurst(apiUrl, eventBodies(WARMUP_DELIVERIES, 1_000_000), 10);
  let counts = await storedCounts(apiUrl, admin);
  for (let waited = 0; counts.pending > 0 && waited < 30_000; waited += 250) {
    await delay(250);
    counts = await storedCounts(apiUrl, admin);
  }
  const before = counts;
  const { answerMs, statuses, sentInMs } = await sendBurst(apiUrl, eventBodies(WEBHOOK_BURST_SIZE, 0), WEBHOOK_BURST_CONCURRENCY);

  counts = await storedCounts(apiUrl, admin);
  for (let waited = 0; counts.pending > 0 && waited < 120_000; waited += 250) {
    await delay(250);
    counts = await storedCounts(apiUrl, admin);
  }
  const processed = counts.processed - before.processed;
  const accepted = statuses.get(204) ?? 0;
  const lost = WEBHOOK_BURST_SIZE - processed;
  answerMs.sort((a, b) => a - b);
  const p50 = percentile(answerMs, 0.5);
  const p99 = percentile(answerMs, 0.99);
  return {
    id: 'webhook_burst',
    measurement: `Zoom webhook burst, ${WEBHOOK_BURST_SIZE} signed deliveries, ${WEBHOOK_BURST_CONCURRENCY} in flight`,
    figure: `${processed} processed, ${lost} lost; answer p50 ${ms(p50)}, p99 ${ms(p99)} (sent in ${(sentInMs / 1000).toFixed(1)} s)`,
    goal: '0 lost, p99 < 3000 ms',
    verdict: lost === 0 && accepted === WEBHOOK_BURST_SIZE && p99 < 3000 ? 'pass' : 'FAIL',
    data: { deliveries: WEBHOOK_BURST_SIZE, concurrency: WEBHOOK_BURST_CONCURRENCY, statuses: Object.fromEntries(statuses), processed, lost, failed: counts.failed - before.failed, p50Ms: p50, p99Ms: p99, maxMs: answerMs.at(-1) ?? 0, sentInMs },
  };
}

const WARMUP_DELIVERIES = 100;

function eventBodies(count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    return JSON.stringify({
      event: 'meeting.participant_joined',
      event_ts: Date.now() + i,
      payload: {
        account_id: 'sim-account-001',
        object: {
          id: 86_000_000_000 + i,
          uuid: `bench-uuid-${i}==`,
          host_id: 'bench-host',
          topic: 'Interview',
          type: 2,
          participant: { user_id: String(16_000_000 + i), user_name: `Guest ${i}`, participant_uuid: `BENCH-${i}`, join_time: new Date().toISOString() },
        },
      },
    });
  });
}

async function sendBurst(apiUrl: string, bodies: string[], concurrency: number): Promise<{ answerMs: number[]; statuses: Map<number, number>; sentInMs: number }> {
  const answerMs: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const startedAt = performance.now();
  const lane = async () => {
    while (next < bodies.length) {
      const raw = bodies[next++]!;
      const ts = Math.floor(Date.now() / 1000);
      const sentAt = performance.now();
      const response = await fetch(`${apiUrl}/api/zoom/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': String(ts), 'x-zm-signature': signWebhook(BENCH_WEBHOOK_SECRET, ts, raw) },
        body: raw,
      });
      await response.arrayBuffer();
      answerMs.push(performance.now() - sentAt);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { answerMs, statuses, sentInMs: performance.now() - startedAt };
}
