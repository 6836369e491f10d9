/** Named leases so one process at a time runs a background job across every process sharing the store. */
export interface JobLeaseRepository {
  /** True when `owner` now holds `name` for `ttlMs` (it was free, expired, or already theirs). */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}
