import { randomUUID } from 'node:crypto';
import type {
  NewZoomEvent,
  RecordZoomEventResult,
  ZoomEventCounts,
  ZoomEventRecord,
  ZoomEventRepository,
} from '../../domain/ports/zoom-event-repository';

interface StoredZoomEvent extends ZoomEventRecord {
  claimedBy: string | null;
  claimUntil: Date | null;
}

function toRecord(doc: StoredZoomEvent): ZoomEventRecord {
  const { claimedBy: _claimedBy, claimUntil: _claimUntil, ...record } = structuredClone(doc);
  return record;
}

function claimable(doc: StoredZoomEvent, now: Date): boolean {
  return (
    doc.status === 'pending' &&
    doc.nextAttemptAt.getTime() <= now.getTime() &&
    (doc.claimedBy === null || doc.claimUntil === null || doc.claimUntil.getTime() <= now.getTime())
  );
}

/** Every method runs synchronously between awaits, so each is atomic as a single MongoDB update is. */
export class MemoryZoomEventRepository implements ZoomEventRepository {
  private readonly documents = new Map<string, StoredZoomEvent>();
  private readonly byKey = new Map<string, string>();

  async record(input: NewZoomEvent): Promise<RecordZoomEventResult> {
    const existingId = this.byKey.get(input.dedupeKey);
    if (existingId) {
      this.documents.get(existingId)!.duplicateDeliveries += 1;
      return { recorded: false, duplicateOf: existingId };
    }
    const doc: StoredZoomEvent = {
      id: randomUUID(),
      ...structuredClone(input),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(input.receivedAt),
      outcome: null,
      lastError: null,
      processedAt: null,
      duplicateDeliveries: 0,
      claimedBy: null,
      claimUntil: null,
    };
    this.documents.set(doc.id, doc);
    this.byKey.set(doc.dedupeKey, doc.id);
    return { recorded: true, record: toRecord(doc) };
  }

  async findById(id: string): Promise<ZoomEventRecord | null> {
    const doc = this.documents.get(id);
    return doc ? toRecord(doc) : null;
  }

  async claim(id: string, owner: string, claimUntil: Date, now: Date): Promise<ZoomEventRecord | null> {
    const doc = this.documents.get(id);
    if (!doc || !claimable(doc, now)) return null;
    return this.take(doc, owner, claimUntil);
  }

  async claimNextDue(owner: string, claimUntil: Date, now: Date): Promise<ZoomEventRecord | null> {
    let next: StoredZoomEvent | null = null;
    for (const doc of this.documents.values()) {
      if (claimable(doc, now) && (!next || doc.nextAttemptAt.getTime() < next.nextAttemptAt.getTime())) next = doc;
    }
    return next ? this.take(next, owner, claimUntil) : null;
  }

  async finish(id: string, owner: string, result: { status: 'processed' | 'failed'; outcome: string | null; error: string | null; at: Date }): Promise<boolean> {
    const doc = this.documents.get(id);
    if (!doc || doc.claimedBy !== owner || doc.status !== 'pending') return false;
    Object.assign(doc, { status: result.status, outcome: result.outcome, lastError: result.error, processedAt: new Date(result.at), claimedBy: null, claimUntil: null });
    delete doc.body.sealed_download_token;
    return true;
  }

  async retryLater(id: string, owner: string, result: { error: string; nextAttemptAt: Date }): Promise<boolean> {
    const doc = this.documents.get(id);
    if (!doc || doc.claimedBy !== owner || doc.status !== 'pending') return false;
    Object.assign(doc, { lastError: result.error, nextAttemptAt: new Date(result.nextAttemptAt), claimedBy: null, claimUntil: null });
    return true;
  }

  async counts(): Promise<ZoomEventCounts> {
    const counts: ZoomEventCounts = { pending: 0, processed: 0, failed: 0, duplicateDeliveries: 0 };
    for (const doc of this.documents.values()) {
      counts[doc.status] += 1;
      counts.duplicateDeliveries += doc.duplicateDeliveries;
    }
    return counts;
  }

  private take(doc: StoredZoomEvent, owner: string, claimUntil: Date): ZoomEventRecord {
    doc.claimedBy = owner;
    doc.claimUntil = new Date(claimUntil);
    doc.attempts += 1;
    return toRecord(doc);
  }
}
