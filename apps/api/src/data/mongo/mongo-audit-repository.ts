import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { decodeAuditCursor, encodeAuditCursor, type AuditEventRecord, type AuditFilter, type AuditRepository } from '../../domain/ports/audit-repository';
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
    ...(doc.interviewId ? { interviewId: doc.interviewId } : {}),
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
    const docs = await this.model.find({ interviewId }).sort({ at: 1, seq: 1 }).limit(limit).lean<AuditDocument[]>();
    return docs.map(toRecord);
  }

  async query(filter: AuditFilter, page: { after: string | null; limit: number }): Promise<{ events: AuditEventRecord[]; next: string | null }> {
    const cursor = page.after === null ? null : decodeAuditCursor(page.after);
    if (page.after !== null && !cursor) return { events: [], next: null };
    const conditions: Record<string, unknown>[] = [];
    if (filter.actorUserId) conditions.push({ 'actor.userId': filter.actorUserId });
    if (filter.subjectUserId) conditions.push({ 'subject.userId': filter.subjectUserId });
    if (filter.interviewId) conditions.push({ interviewId: filter.interviewId });
    if (filter.types) conditions.push({ type: { $in: filter.types } });
    if (filter.from) conditions.push({ at: { $gte: filter.from } });
    if (filter.to) conditions.push({ at: { $lte: filter.to } });
    if (cursor) conditions.push({ $or: [{ at: { $lt: cursor.at } }, { at: cursor.at, seq: { $lt: cursor.seq } }] });
    const docs = await this.model
      .find(conditions.length > 0 ? { $and: conditions } : {})
      .sort({ at: -1, seq: -1 })
      .limit(page.limit + 1)
      .lean<AuditDocument[]>();
    const shown = docs.slice(0, page.limit);
    const last = shown.at(-1);
    return { events: shown.map(toRecord), next: last && docs.length > page.limit ? encodeAuditCursor(last.at, last.seq) : null };
  }
}
