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
  /** Newest `at` first; events with the same `at` newest appended first. `total` may be an estimate kept by the store (it is exact for an append-only log). */
  list(page: { offset: number; limit: number }): Promise<{ events: AuditEventRecord[]; total: number }>;
  /** The events about one interview (`details.interviewId`), oldest first, at most `limit`. */
  listForInterview(interviewId: string, limit: number): Promise<AuditEventRecord[]>;
}
