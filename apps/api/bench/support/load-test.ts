import autocannon, { type AutocannonOptions } from 'autocannon';

export interface LoadResult {
  /** Successful (2xx) responses. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
  /** 2xx responses per second. */
  rps: number;
  /** Milliseconds, from each 2xx response's own timing (autocannon's histogram rounds to whole ms). */
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** One bounded autocannon run (by duration or amount) against one URL. */
export async function runLoad(options: AutocannonOptions): Promise<LoadResult> {
  const samples: number[] = [];
  const instance = autocannon({ timeout: 30, ...options });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTimeMs);
  });
  const result = await instance;
  samples.sort((a, b) => a - b);
  return {
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
    rps: result['2xx'] / result.duration,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
  };
}
