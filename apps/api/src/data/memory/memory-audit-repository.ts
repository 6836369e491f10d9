import { randomUUID } from 'node:crypto';
import type { AuditEventRecord, AuditRepository } from '../../domain/ports/audit-repository';

export class MemoryAuditRepository implements AuditRepository {
  private readonly events: AuditEventRecord[] = [];

  async append(event: Omit<AuditEventRecord, 'id'>): Promise<AuditEventRecord> {
    const stored = structuredClone({ ...event, id: randomUUID() });
    this.events.push(stored);
    return structuredClone(stored);
  }

  async list(page: { offset: number; limit: number }): Promise<{ events: AuditEventRecord[]; total: number }> {
    const newestFirst = [...this.events].reverse();
    return { events: structuredClone(newestFirst.slice(page.offset, page.offset + page.limit)), total: this.events.length };
  }
}
