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
  /** The interview the event is about, when it is (indexed, for "this interview's history"). */
  interviewId?: string | null;
}

/** Every field narrows; absent fields do not filter. `from`/`to` bound `at` (inclusive). */
export interface AuditFilter {
  actorUserId?: string;
  subjectUserId?: string;
  interviewId?: string;
  types?: AuditEventType[];
  from?: Date;
  to?: Date;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditRepository {
  append(event: Omit<AuditEventRecord, 'id'>): Promise<AuditEventRecord>;
  /** Newest `at` first; events with the same `at` newest appended first. `total` may be an estimate kept by the store (it is exact for an append-only log). */
  list(page: { offset: number; limit: number }): Promise<{ events: AuditEventRecord[]; total: number }>;
  /** The events about one interview (`interviewId`, taken from `details.interviewId` on append), oldest first, at most `limit`. */
  listForInterview(interviewId: string, limit: number): Promise<AuditEventRecord[]>;
  /**
   * The same order, filtered, in pages that stay stable while events are appended: `after` is the opaque
   * cursor of the previous page (`next`, null on the last page). An unreadable cursor reads as the end.
   */
  query(filter: AuditFilter, page: { after: string | null; limit: number }): Promise<{ events: AuditEventRecord[]; next: string | null }>;
}

/** `<epoch ms>.<sequence>`: the position of the last event a page showed. */
export function encodeAuditCursor(at: Date, seq: number): string {
  return `${at.getTime()}.${seq}`;
}

export function decodeAuditCursor(cursor: string): { at: Date; seq: number } | null {
  const match = /^(\d{1,15})\.(\d{1,20})$/.exec(cursor);
  return match ? { at: new Date(Number(match[1])), seq: Number(match[2]) } : null;
}
