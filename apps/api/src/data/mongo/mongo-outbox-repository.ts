import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { NewOutboxMessage, OutboxDeliveryPatch, OutboxMessage, OutboxRepository } from '../../domain/ports/outbox-repository';
import type { OutboxDocument } from './outbox-model';

function toMessage(doc: OutboxDocument): OutboxMessage {
  return {
    id: doc._id,
    idempotencyKey: doc.idempotencyKey,
    interviewId: doc.interviewId ?? null,
    kind: doc.kind,
    audience: doc.audience,
    sequence: doc.sequence,
    to: { name: doc.to.name, email: doc.to.email },
    subject: doc.subject,
    text: doc.text,
    html: doc.html,
    attachments: doc.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
    status: doc.status,
    attempts: doc.attempts,
    lastError: doc.lastError ?? null,
    createdAt: doc.createdAt,
    nextAttemptAt: doc.nextAttemptAt ?? null,
    sentAt: doc.sentAt ?? null,
  };
}

export class MongoOutboxRepository implements OutboxRepository {
  constructor(private readonly model: Model<OutboxDocument>) {}

  async enqueue(input: NewOutboxMessage, now: Date): Promise<{ message: OutboxMessage; created: boolean }> {
    const fresh = { ...input, _id: randomUUID(), status: 'queued', attempts: 0, lastError: null, createdAt: now, nextAttemptAt: now, sentAt: null, claimedBy: null, claimExpiresAt: null };
    try {
      const created = await this.model.create(fresh);
      return { message: toMessage(created.toObject()), created: true };
    } catch (error) {
      // The unique idempotency key: this message was queued before (by this or another process).
      if (!(typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000)) throw error;
      const existing = await this.model.findOne({ idempotencyKey: input.idempotencyKey }).lean<OutboxDocument>();
      if (!existing) throw error;
      return { message: toMessage(existing), created: false };
    }
  }

  async claimNextDue(owner: string, claimUntil: Date, now: Date): Promise<OutboxMessage | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { status: 'queued', nextAttemptAt: { $lte: now }, $or: [{ claimedBy: null }, { claimExpiresAt: { $lte: now } }] },
        { $set: { claimedBy: owner, claimExpiresAt: claimUntil }, $inc: { attempts: 1 } },
        { new: true, sort: { nextAttemptAt: 1, createdAt: 1 } },
      )
      .lean<OutboxDocument>();
    return doc ? toMessage(doc) : null;
  }

  async settle(id: string, owner: string, patch: OutboxDeliveryPatch): Promise<boolean> {
    const set =
      patch.status === 'sent'
        ? { status: 'sent', sentAt: patch.sentAt, nextAttemptAt: null, lastError: null }
        : { status: patch.status, lastError: patch.lastError, nextAttemptAt: patch.status === 'queued' ? patch.nextAttemptAt : null };
    const result = await this.model.updateOne({ _id: id, claimedBy: owner }, { $set: { ...set, claimedBy: null, claimExpiresAt: null } });
    return result.modifiedCount === 1;
  }

  async listRecent(limit: number): Promise<OutboxMessage[]> {
    const docs = await this.model.find({}).sort({ createdAt: -1, _id: 1 }).limit(limit).lean<OutboxDocument[]>();
    return docs.map(toMessage);
  }
}
