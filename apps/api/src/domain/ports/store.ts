import type { AuditRepository } from './audit-repository';
import type { UserRepository } from './user-repository';

/** Everything persistence offers the domain; one implementation per store (memory, MongoDB). */
export interface Store {
  kind: 'memory' | 'mongodb';
  users: UserRepository;
  audit: AuditRepository;
  /** Cheap round trip proving the store answers; used by /api/ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
