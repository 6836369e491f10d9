/**
 * Zoom limits each account per second by endpoint category ("Rate Limit Label" in the API reference;
 * https://developers.zoom.us/docs/api/rate-limits/). The simulator's rate-limits/rate-limit-categories.ts
 * holds the same table; test/zoom-request-pacer.test.ts checks both agree.
 */
export type ZoomRateLimitCategory = 'Light' | 'Medium' | 'Heavy';
export type ZoomRateLimitPlan = 'free' | 'pro' | 'business';

export const ZOOM_RATE_LIMIT_PLANS: readonly ZoomRateLimitPlan[] = ['free', 'pro', 'business'];

/** Requests per second per account, from Zoom's "Rate limits by account type" table. */
export const ZOOM_PER_SECOND_LIMITS: Record<ZoomRateLimitPlan, Record<ZoomRateLimitCategory, number>> = {
  free: { Light: 4, Medium: 2, Heavy: 1 },
  pro: { Light: 30, Medium: 20, Heavy: 10 },
  business: { Light: 80, Medium: 60, Heavy: 40 },
};

/** The category of each call the REST client makes: create and list meetings are Medium, the rest Light. */
export const ZOOM_OPERATION_CATEGORY: Record<string, ZoomRateLimitCategory> = {
  getCurrentUser: 'Light',
  getUser: 'Light',
  createMeeting: 'Medium',
  listMeetings: 'Medium',
  getMeeting: 'Light',
  updateMeeting: 'Light',
  deleteMeeting: 'Light',
};

export interface ZoomRequestPacerOptions {
  plan: ZoomRateLimitPlan;
  /**
   * Share of the limit actually used: network jitter can bunch requests spaced evenly here into one of
   * Zoom's seconds, and other apps on the account spend the same budget.
   */
  headroom?: number;
  /** The application clock, so tests never wait for real. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface PacingStats {
  /** Requests that had to wait for their slot. */
  delayed: number;
  /** Sum of those waits, in ms (concurrent waits overlap, so this can exceed the elapsed time). */
  waitedMs: number;
  /** 429s answered by holding the category back. */
  holdOffs: number;
}

/**
 * Spaces requests evenly per category, below the plan's per-second limit, so bulk work (moving every
 * meeting of a disconnected interviewer, the worker draining a backlog) never meets a 429 of its own
 * making. A slot is reserved before waiting, so concurrent callers queue in order without a timer of
 * their own. One budget per category for everything this process sends: when hosts span several Zoom
 * accounts that is stricter than Zoom, never looser.
 *
 * Hand-written because bottleneck, p-throttle and rate-limiter-flexible schedule on real timers and
 * `Date.now`, and this must run on the injected clock (the simulator in tests shares it).
 */
export class ZoomRequestPacer {
  private readonly intervalMs: Record<ZoomRateLimitCategory, number>;
  private readonly nextSlotAt: Record<ZoomRateLimitCategory, number> = { Light: 0, Medium: 0, Heavy: 0 };
  private readonly counters: PacingStats = { delayed: 0, waitedMs: 0, holdOffs: 0 };

  constructor(private readonly options: ZoomRequestPacerOptions) {
    const limits = ZOOM_PER_SECOND_LIMITS[options.plan];
    const headroom = options.headroom ?? 0.8;
    const interval = (limit: number) => 1000 / Math.max(1, Math.floor(limit * headroom));
    this.intervalMs = { Light: interval(limits.Light), Medium: interval(limits.Medium), Heavy: interval(limits.Heavy) };
  }

  /** Resolves when a request of `category` may go out; returns how long it waited. */
  async acquire(category: ZoomRateLimitCategory): Promise<number> {
    const now = this.options.now();
    const slot = Math.max(now, this.nextSlotAt[category]);
    this.nextSlotAt[category] = slot + this.intervalMs[category];
    const waitMs = Math.ceil(slot - now);
    if (waitMs <= 0) return 0;
    this.counters.delayed += 1;
    this.counters.waitedMs += waitMs;
    await this.options.sleep(waitMs);
    return waitMs;
  }

  /** Zoom answered 429 (or said nothing remains this second): nothing more of `category` goes out for `ms`. */
  holdOff(category: ZoomRateLimitCategory, ms: number): void {
    this.counters.holdOffs += 1;
    this.nextSlotAt[category] = Math.max(this.nextSlotAt[category], this.options.now() + ms);
  }

  stats(): PacingStats {
    return { ...this.counters };
  }
}
