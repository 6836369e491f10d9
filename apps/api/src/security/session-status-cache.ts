/** What decides whether a verified session token still stands. */
export interface SessionStatus {
  active: boolean;
  sessionVersion: number;
}

export interface SessionStatusCacheOptions {
  /** Reads the user's current status; null when the user no longer exists. */
  lookup: (userId: string) => Promise<SessionStatus | null>;
  /** How long another instance's change may go unseen here (this instance forgets at once). */
  ttlMs: number;
  now: () => number;
  maxEntries?: number;
}

/**
 * Checks each request's session against the user's current session version and active flag. Reads are
 * memoised per user for `ttlMs` (a signed-in page polls the API) and concurrent misses share one read.
 */
export class SessionStatusCache {
  private readonly entries = new Map<string, { status: Promise<SessionStatus | null>; readAt: number }>();

  constructor(private readonly options: SessionStatusCacheOptions) {}

  async isCurrent(session: { userId: string; sessionVersion: number }): Promise<boolean> {
    const status = await this.statusOf(session.userId);
    return status !== null && status.active && status.sessionVersion === session.sessionVersion;
  }

  /** Called by whatever changed the user here, so this instance never serves a stale answer. */
  forget(userId: string): void {
    this.entries.delete(userId);
  }

  private statusOf(userId: string): Promise<SessionStatus | null> {
    const now = this.options.now();
    const cached = this.entries.get(userId);
    if (cached && now - cached.readAt < this.options.ttlMs) return cached.status;
    const status = this.options.lookup(userId).then((found) => (found ? { active: found.active, sessionVersion: found.sessionVersion } : null));
    // A failed read is not remembered: the next request asks the store again.
    status.catch(() => this.entries.delete(userId));
    if (this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userId, { status, readAt: now });
    return status;
  }
}
