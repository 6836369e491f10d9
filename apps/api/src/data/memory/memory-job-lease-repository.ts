import type { JobLeaseRepository } from '../../domain/ports/job-lease-repository';
import { systemServerClock, type ServerClock } from './server-clock';

export class MemoryJobLeaseRepository implements JobLeaseRepository {
  private readonly leases = new Map<string, { owner: string; expiresAt: number }>();

  constructor(private readonly serverNow: ServerClock = systemServerClock) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.serverNow().getTime();
    const lease = this.leases.get(name);
    if (lease && lease.expiresAt > now && lease.owner !== owner) return false;
    this.leases.set(name, { owner, expiresAt: now + ttlMs });
    return true;
  }

  async release(name: string, owner: string): Promise<void> {
    if (this.leases.get(name)?.owner === owner) this.leases.delete(name);
  }
}
