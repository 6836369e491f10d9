import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { percentile, type LoadResult } from './load-test';

export interface PacedLoadOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** At most this many requests in flight, over as many keep-alive connections. */
  connections: number;
  ratePerSecond: number;
  durationS: number;
}

/**
 * Requests at evenly spaced moments (an open model, like real users arriving), each timed from the
 * moment it was due, so a server that falls behind cannot hide it. autocannon's overallRate sends in
 * bursts, which turns into queueing at any server and so says little about per-request overhead.
 */
export async function runPacedLoad(options: PacedLoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const total = Math.round(options.ratePerSecond * options.durationS);
  const intervalMs = 1000 / options.ratePerSecond;
  const samples: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;

  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(target, { method: options.method, headers: options.headers, agent }, (response) => {
        response.resume();
        response.once('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            ok += 1;
            samples.push(performance.now() - dueAt);
          } else {
            non2xx += 1;
          }
          resolve();
        });
      });
      request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
      request.once('error', () => {
        errors += 1;
        resolve();
      });
      request.end(options.body);
    });

  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const dueAt = startedAt + i * intervalMs;
    const wait = dueAt - performance.now();
    if (wait >= 1) await delay(wait);
    inFlight.push(send(dueAt));
  }
  await Promise.all(inFlight);
  const durationS = (performance.now() - startedAt) / 1000;
  agent.destroy();
  samples.sort((a, b) => a - b);
  return { ok, non2xx, errors, timeouts: 0, durationS, rps: ok / durationS, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}
