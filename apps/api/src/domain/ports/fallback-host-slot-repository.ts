/** A pool host and how many overlapping meetings it may have. */
export interface PoolHost {
  zoomUserId: string;
  allowance: number;
}

export interface SlotRequest {
  interviewId: string;
  /** Tried in this order; the first with a free slot for the window gets the interview. */
  hosts: readonly PoolHost[];
  startTime: Date;
  endTime: Date;
  /** Reservations that ended before this are forgotten while writing. */
  now: Date;
}

/**
 * Which fallback host each system-hosted interview occupies, and when: the store's own record of every
 * host's slots, so instances sharing the store never give one slot twice.
 */
export interface FallbackHostSlotRepository {
  /**
   * Atomically: the first host with fewer than `allowance` reservations overlapping [startTime, endTime)
   * (the interview's own not counted) gets the interview's reservation, which replaces any it held on any
   * host. Null when no host is free; the interview's earlier reservation then stays as it was.
   */
  reserve(request: SlotRequest): Promise<string | null>;
  /** Frees the interview's slot, wherever it is; nothing held is fine. */
  release(interviewId: string): Promise<void>;
  /** The host the interview holds a slot on, if any. */
  hostOf(interviewId: string): Promise<string | null>;
}

/** Half-open windows: a meeting ending at 10:00 leaves its host free for one starting at 10:00. */
export function windowsOverlap(a: { startTime: Date; endTime: Date }, b: { startTime: Date; endTime: Date }): boolean {
  return a.startTime.getTime() < b.endTime.getTime() && b.startTime.getTime() < a.endTime.getTime();
}
