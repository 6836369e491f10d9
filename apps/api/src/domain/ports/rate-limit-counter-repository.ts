/** Hits on one key inside its current fixed window. */
export interface RateLimitCount {
  count: number;
  /** When the window ends and the count starts again from zero. */
  resetAt: Date;
}

/**
 * Counters every API instance shares (sign-in failures, webhook deliveries), so N instances enforce one
 * limit instead of N. Windows are judged by the store's own clock (MongoDB's `$$NOW`), never a process's.
 */
export interface RateLimitCounterRepository {
  /** Adds one hit to `key`; a key whose window has ended starts a new window of `windowMs` at 1. */
  hit(key: string, windowMs: number): Promise<RateLimitCount>;
  /** The current window's count, or null when the key has no live window. */
  get(key: string): Promise<RateLimitCount | null>;
  /** Takes one hit back (a request that turned out not to count); never below zero. */
  undo(key: string): Promise<void>;
  /** Forgets the key (e.g. the account signed in successfully). */
  reset(key: string): Promise<void>;
}
