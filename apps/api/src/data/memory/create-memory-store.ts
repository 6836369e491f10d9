import type { Store } from '../../domain/ports/store';
import { MemoryAuditRepository } from './memory-audit-repository';
import { MemoryUserRepository } from './memory-user-repository';

/** The embedded store for demo mode and tests. Data lives in this process only and is lost on exit. */
export function createMemoryStore(): Store {
  return {
    kind: 'memory',
    users: new MemoryUserRepository(),
    audit: new MemoryAuditRepository(),
    async ping() {},
    async close() {},
  };
}
