const DAY_MS = 24 * 60 * 60 * 1000;

export type QuotaDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; resetsAt: number; limit: number };

/** Zoom caps meeting create + update at N per host per UTC day, resetting at 00:00 UTC. */
export class DailyMeetingQuota {
  private used = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly limit: number,
  ) {}

  /** Counts the request if it fits in today's allowance. */
  consume(hostId: string): QuotaDecision {
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    const key = `${hostId}:${day}`;
    const used = this.used.get(key) ?? 0;
    if (used >= this.limit) {
      const resetsAt = (day + 1) * DAY_MS;
      return { allowed: false, limit: this.limit, resetsAt, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)) };
    }
    this.used.set(key, used + 1);
    return { allowed: true };
  }

  reset(): void {
    this.used.clear();
  }
}
