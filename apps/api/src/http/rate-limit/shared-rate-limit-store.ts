import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { RateLimitCounterRepository } from '../../domain/ports/rate-limit-counter-repository';

/**
 * express-rate-limit's Store over the store's shared counters, so every instance enforces one limit.
 * One instance per limiter: `prefix` keeps their keys apart in the one collection.
 */
export class SharedRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly counters: RateLimitCounterRepository,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const current = await this.counters.get(this.prefix + key);
    return current ? { totalHits: current.count, resetTime: current.resetAt } : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const current = await this.counters.hit(this.prefix + key, this.windowMs);
    return { totalHits: current.count, resetTime: current.resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.counters.undo(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.prefix + key);
  }
}
