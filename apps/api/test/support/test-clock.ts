import type { Clock } from '../../src/domain/ports/clock';

/**
 * The API's clock in tests: wall time plus an offset the test moves. A sleep (backoff, Retry-After) moves
 * the offset instead of waiting, and is recorded, so tests assert on the wait without spending it.
 */
export class TestClock implements Clock {
  private offsetMs = 0;
  private readonly slept: number[] = [];

  now = (): Date => new Date(Date.now() + this.offsetMs);

  sleep = async (ms: number): Promise<void> => {
    this.slept.push(ms);
    this.offsetMs += ms;
    // Still yield, as a real timer would, so concurrent work interleaves the same way.
    await new Promise((resolve) => setImmediate(resolve));
  };

  /** Time passes for the API (tokens age, queued retries fall due) without the test waiting. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Every wait the API asked for, in order. */
  sleeps(): number[] {
    return [...this.slept];
  }
}
