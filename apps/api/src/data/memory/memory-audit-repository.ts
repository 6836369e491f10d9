import { randomUUID } from 'node:crypto';
import type { AuditEventRecord, AuditRepository } from '../../domain/ports/audit-repository';

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
      .filter(({ event }) => event.details.interviewId === interviewId)
      .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.seq - b.seq)
      .map(({ event }) => event);
    return structuredClone(oldestFirst.slice(0, limit));
  }
}
