import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type {
  NewZoomEvent,
  RecordZoomEventResult,
  ZoomEventCounts,
  ZoomEventRecord,
  ZoomEventRepository,
} from '../../domain/ports/zoom-event-repository';
import type { ZoomEventDocument } from './zoom-event-model';

function toRecord(doc: ZoomEventDocument): ZoomEventRecord {
  return {
    id: doc._id,
    dedupeKey: doc.dedupeKey,
    event: doc.event,
    eventTs: doc.eventTs ?? null,
    body: doc.body,
    receivedAt: doc.receivedAt,
    receivedBy: { requestId: doc.receivedBy?.requestId ?? null, ip: doc.receivedBy?.ip ?? null },
    status: doc.status,
    attempts: doc.attempts,
    nextAttemptAt: doc.nextAttemptAt,
    outcome: doc.outcome ?? null,
    lastError: doc.lastError ?? null,
    processedAt: doc.processedAt ?? null,
    duplicateDeliveries: doc.duplicateDeliveries ?? 0,
  };
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

function claimableFilter(now: Date) {
  return { status: 'pending', nextAttemptAt: { $lte: now }, $or: [{ claimedBy: null }, { claimUntil: { $lte: now } }] };
}

export class MongoZoomEventRepository implements ZoomEventRepository {
  constructor(private readonly model: Model<ZoomEventDocument>) {}

  async record(input: NewZoomEvent): Promise<RecordZoomEventResult> {
    try {
      const doc = await this.model.create({
        _id: randomUUID(),
        ...input,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: input.receivedAt,
        outcome: null,
        lastError: null,
        processedAt: null,
        duplicateDeliveries: 0,
        claimedBy: null,
        claimUntil: null,
      });
      return { recorded: true, record: toRecord(doc.toObject()) };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.model
        .findOneAndUpdate({ dedupeKey: input.dedupeKey }, { $inc: { duplicateDeliveries: 1 } }, { new: true, projection: { _id: 1 } })
        .lean<{ _id: string }>();
      if (!existing) throw error;
      return { recorded: false, duplicateOf: existing._id };
    }
  }

  async findById(id: string): Promise<ZoomEventRecord | null> {
    const doc = await this.model.findById(id).lean<ZoomEventDocument>();
    return doc ? toRecord(doc) : null;
  }

  async claim(id: string, owner: string, claimUntil: Date, now: Date): Promise<ZoomEventRecord | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: id, ...claimableFilter(now) }, { $set: { claimedBy: owner, claimUntil }, $inc: { attempts: 1 } }, { new: true })
      .lean<ZoomEventDocument>();
    return doc ? toRecord(doc) : null;
  }

  async claimNextDue(owner: string, claimUntil: Date, now: Date): Promise<ZoomEventRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(claimableFilter(now), { $set: { claimedBy: owner, claimUntil }, $inc: { attempts: 1 } }, { new: true, sort: { nextAttemptAt: 1 } })
      .lean<ZoomEventDocument>();
    return doc ? toRecord(doc) : null;
  }

  async finish(id: string, owner: string, result: { status: 'processed' | 'failed'; outcome: string | null; error: string | null; at: Date }): Promise<boolean> {
    const updated = await this.model.updateOne(
      { _id: id, claimedBy: owner, status: 'pending' },
      {
        $set: { status: result.status, outcome: result.outcome, lastError: result.error, processedAt: result.at, claimedBy: null, claimUntil: null },
        $unset: { 'body.sealed_download_token': '' },
      },
    );
    return updated.modifiedCount === 1;
  }

  async retryLater(id: string, owner: string, result: { error: string; nextAttemptAt: Date }): Promise<boolean> {
    const updated = await this.model.updateOne(
      { _id: id, claimedBy: owner, status: 'pending' },
      { $set: { lastError: result.error, nextAttemptAt: result.nextAttemptAt, claimedBy: null, claimUntil: null } },
    );
    return updated.modifiedCount === 1;
  }

  async counts(): Promise<ZoomEventCounts> {
    const [byStatus, duplicates] = await Promise.all([
      this.model.aggregate<{ _id: ZoomEventRecord['status']; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }]),
      this.model.aggregate<{ total: number }>([{ $group: { _id: null, total: { $sum: '$duplicateDeliveries' } } }]),
    ]);
    const counts: ZoomEventCounts = { pending: 0, processed: 0, failed: 0, duplicateDeliveries: duplicates[0]?.total ?? 0 };
    for (const row of byStatus) counts[row._id] = row.count;
    return counts;
  }
}
