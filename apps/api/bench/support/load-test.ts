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

/** One window of load, with every 2xx response's time kept so windows can be pooled. */
interface LoadWindow {
  result: Omit<LoadResult, 'rps' | 'p50Ms' | 'p99Ms'>;
  samples: number[];
}

async function loadWindow(options: AutocannonOptions): Promise<LoadWindow> {
  const samples: number[] = [];
  const instance = autocannon({ timeout: 30, ...options });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTimeMs);
  });
  const result = await instance;
  return { result: { ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, durationS: result.duration }, samples };
}

/** The figures of several windows taken as one: counts and time added, percentiles over every response. */
function pooled(windows: LoadWindow[]): LoadResult {
  const samples = windows.flatMap((window) => window.samples).sort((a, b) => a - b);
  const sum = (key: 'ok' | 'non2xx' | 'errors' | 'timeouts' | 'durationS') => windows.reduce((total, window) => total + window.result[key], 0);
  const durationS = sum('durationS');
  return {
    ok: sum('ok'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    durationS,
    rps: sum('ok') / durationS,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
  };
}

/** One bounded autocannon run (by duration or amount) against one URL. */
export async function runLoad(options: AutocannonOptions): Promise<LoadResult> {
  return pooled([await loadWindow(options)]);
}

/**
 * Two URLs loaded in turn, `rounds` windows each (A, B, A, B, …), each pooled over its windows: what
 * else the machine is doing lands on both sides, so a ratio of the two compares like with like.
 */
export async function runAlternatingLoads(a: AutocannonOptions, b: AutocannonOptions, rounds: number): Promise<[LoadResult, LoadResult]> {
  const windows: [LoadWindow[], LoadWindow[]] = [[], []];
  for (let round = 0; round < rounds; round += 1) {
    windows[0].push(await loadWindow(a));
    windows[1].push(await loadWindow(b));
  }
  return [pooled(windows[0]), pooled(windows[1])];
}
