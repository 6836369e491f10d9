import type { RateLimitCategory } from './rate-limit-categories';

export type RateLimitDecision =
  | { allowed: true; limit: number; remaining: number }
  | { allowed: false; limit: number; retryAfterSeconds: number };

/** Counts requests per account and category in fixed one-second windows of the simulator clock. */
export class PerSecondRateLimiter {
  private windows = new Map<string, { second: number; used: number }>();

  constructor(private readonly now: () => number) {}

  consume(accountId: string, category: RateLimitCategory, limit: number): RateLimitDecision {
    const nowMs = this.now();
    const second = Math.floor(nowMs / 1000);
    const key = `${accountId}:${category}`;
    const window = this.windows.get(key);
    const used = window?.second === second ? window.used : 0;
    if (used >= limit) {
      // A rejected request does not count: the caller gets the rest of this second back.
      return { allowed: false, limit, retryAfterSeconds: 1 };
    }
    this.windows.set(key, { second, used: used + 1 });
    return { allowed: true, limit, remaining: limit - used - 1 };
  }

  reset(): void {
    this.windows.clear();
  }
}
