/**
 * The one backoff every retry in the API uses: Zoom REST calls, the Server-to-Server token request and
 * the meeting worker's queue. Exponential, with "equal jitter" (half fixed, half random) so concurrent
 * callers spread out but still back off, and never sooner than the Retry-After Zoom asked for.
 */
export interface BackoffPolicy {
  /** The first delay's ceiling; doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait after failed attempt number `attempt` (1-based). */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, options: { retryAfterMs?: number | null; random?: () => number } = {}): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  const jittered = Math.round(ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2));
  return Math.max(jittered, options.retryAfterMs ?? 0);
}

export interface RetryOptions extends BackoffPolicy {
  /** Total tries, including the first. */
  maxAttempts: number;
  /** Injected (the application clock) so tests never wait for real. */
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** Whether `error` is worth another attempt, and the Retry-After it carries; `false` stops at once. */
  retryable: (error: unknown) => { retryAfterMs: number | null } | false;
  onRetry?: (error: unknown, attempt: number, waitMs: number) => void;
}

/** Runs `attempt` until it succeeds, fails for good, or runs out of attempts; the last error is thrown. */
export async function retryWithBackoff<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      const verdict = options.retryable(error);
      if (verdict === false || attemptNumber >= options.maxAttempts) throw error;
      const waitMs = backoffDelayMs(options, attemptNumber, { retryAfterMs: verdict.retryAfterMs, random: options.random });
      options.onRetry?.(error, attemptNumber, waitMs);
      await options.sleep(waitMs);
    }
  }
}
