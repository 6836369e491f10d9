import type { AuditEventType } from '@crm/shared/zoom-connection';

export interface AuditEventRecord {
  id: string;
  type: AuditEventType;
  at: Date;
  actor: { userId: string | null; email: string | null; kind: 'user' | 'system' | 'zoom' };
  subject: { userId: string | null; email: string | null };
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditRepository {
  append(event: Omit<AuditEventRecord, 'id'>): Promise<AuditEventRecord>;
  /** Newest first. */
  list(page: { offset: number; limit: number }): Promise<{ events: AuditEventRecord[]; total: number }>;
}
