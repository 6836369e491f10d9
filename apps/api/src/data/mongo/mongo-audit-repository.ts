import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { AuditEventRecord, AuditRepository } from '../../domain/ports/audit-repository';
import type { AuditDocument } from './audit-model';

function toRecord(doc: AuditDocument): AuditEventRecord {
  return {
    id: doc._id,
    type: doc.type,
    at: doc.at,
    actor: { userId: doc.actor?.userId ?? null, email: doc.actor?.email ?? null, kind: doc.actor?.kind ?? 'system' },
    subject: { userId: doc.subject?.userId ?? null, email: doc.subject?.email ?? null },
    requestId: doc.requestId ?? null,
    ip: doc.ip ?? null,
    details: doc.details ?? {},
  };
}

export class MongoAuditRepository implements AuditRepository {
  // Orders events appended within the same millisecond by this process.
  private seq = 0;
  constructor(private readonly model: Model<AuditDocument>) {}

  async append(event: Omit<AuditEventRecord, 'id'>): Promise<AuditEventRecord> {
    const doc = await this.model.create({ ...event, _id: randomUUID(), seq: Date.now() * 1000 + (this.seq++ % 1000) });
    return toRecord(doc.toObject());
  }

  async list(page: { offset: number; limit: number }): Promise<{ events: AuditEventRecord[]; total: number }> {
    const [docs, total] = await Promise.all([
      this.model.find().sort({ at: -1, seq: -1 }).skip(page.offset).limit(page.limit).lean<AuditDocument[]>(),
      // Metadata, not a scan: exact for an append-only collection, and O(1) on every page.
      this.model.estimatedDocumentCount(),
    ]);
    return { events: docs.map(toRecord), total };
  }

  async listForInterview(interviewId: string, limit: number): Promise<AuditEventRecord[]> {
    const docs = await this.model.find({ 'details.interviewId': interviewId }).sort({ at: 1, seq: 1 }).limit(limit).lean<AuditDocument[]>();
    return docs.map(toRecord);
  }
}
