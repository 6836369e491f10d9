import { randomUUID } from 'node:crypto';
import { decodeAuditCursor, encodeAuditCursor, type AuditEventRecord, type AuditFilter, type AuditRepository } from '../../domain/ports/audit-repository';

export class MemoryAuditRepository implements AuditRepository {
  private readonly events: { seq: number; event: AuditEventRecord }[] = [];

  async append(event: Omit<AuditEventRecord, 'id'>): Promise<AuditEventRecord> {
    const stored = structuredClone({ ...event, id: randomUUID() });
    this.events.push({ seq: this.events.length, event: stored });
    return structuredClone(stored);
  }

  async list(page: { offset: number; limit: number }): Promise<{ events: AuditEventRecord[]; total: number }> {
    // The same order as MongoDB's { at: -1, seq: -1 }: by time, then by when it was appended.
    const newestFirst = [...this.events].sort((a, b) => b.event.at.getTime() - a.event.at.getTime() || b.seq - a.seq).map(({ event }) => event);
    return { events: structuredClone(newestFirst.slice(page.offset, page.offset + page.limit)), total: this.events.length };
  }

  async listForInterview(interviewId: string, limit: number): Promise<AuditEventRecord[]> {
    const oldestFirst = this.events
      .filter(({ event }) => event.interviewId === interviewId)
      .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.seq - b.seq)
      .map(({ event }) => event);
    return structuredClone(oldestFirst.slice(0, limit));
  }

  async query(filter: AuditFilter, page: { after: string | null; limit: number }): Promise<{ events: AuditEventRecord[]; next: string | null }> {
    const cursor = page.after === null ? null : decodeAuditCursor(page.after);
    if (page.after !== null && !cursor) return { events: [], next: null };
    const matching = this.events
      .filter(({ event }) => matches(event, filter))
      .filter(({ seq, event }) => !cursor || event.at.getTime() < cursor.at.getTime() || (event.at.getTime() === cursor.at.getTime() && seq < cursor.seq))
      .sort((a, b) => b.event.at.getTime() - a.event.at.getTime() || b.seq - a.seq);
    const shown = matching.slice(0, page.limit);
    const last = shown.at(-1);
    const next = last && matching.length > page.limit ? encodeAuditCursor(last.event.at, last.seq) : null;
    return { events: structuredClone(shown.map(({ event }) => event)), next };
  }
}

function matches(event: AuditEventRecord, filter: AuditFilter): boolean {
  if (filter.actorUserId && event.actor.userId !== filter.actorUserId) return false;
  if (filter.subjectUserId && event.subject.userId !== filter.subjectUserId) return false;
  if (filter.interviewId && event.interviewId !== filter.interviewId) return false;
  if (filter.types && !filter.types.includes(event.type)) return false;
  if (filter.from && event.at.getTime() < filter.from.getTime()) return false;
  if (filter.to && event.at.getTime() > filter.to.getTime()) return false;
  return true;
}
