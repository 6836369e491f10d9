import type { RateLimitCount, RateLimitCounterRepository } from '../../domain/ports/rate-limit-counter-repository';

/** One process's counters: right for demo mode and tests; several instances need the MongoDB one. */
export class MemoryRateLimitCounterRepository implements RateLimitCounterRepository {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<RateLimitCount> {
    const now = this.now();
    this.dropLapsed(now);
    const live = this.windows.get(key);
    const window = live ?? { count: 0, resetAt: now + windowMs };
    window.count += 1;
    this.windows.set(key, window);
    return { count: window.count, resetAt: new Date(window.resetAt) };
  }

  async get(key: string): Promise<RateLimitCount | null> {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= this.now()) return null;
    return { count: window.count, resetAt: new Date(window.resetAt) };
  }

  async undo(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.resetAt > this.now()) window.count = Math.max(0, window.count - 1);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  // What MongoDB's TTL index does for the shared counters: memory stays bounded by the live windows.
  private dropLapsed(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
