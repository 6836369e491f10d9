import type { Model } from 'mongoose';
import type { CarriedInvitation, InvitationAdvance, InvitationRecord, InvitationRepository } from '../../domain/ports/invitation-repository';
import { carriedRecord } from '../../domain/invitations/carried-invitation';
import type { InvitationDocument } from './invitation-model';

function toRecord(doc: InvitationDocument): InvitationRecord {
  return { interviewId: doc._id, uid: doc.uid, sequence: doc.sequence, method: doc.method, fingerprint: doc.fingerprint, updatedAt: doc.updatedAt };
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

export class MongoInvitationRepository implements InvitationRepository {
  constructor(private readonly model: Model<InvitationDocument>) {}

  async find(interviewId: string): Promise<InvitationRecord | null> {
    const doc = await this.model.findById(interviewId).lean<InvitationDocument>();
    return doc ? toRecord(doc) : null;
  }

  async advance(interviewId: string, version: { uid: string; fingerprint: string; method: InvitationRecord['method'] }, now: Date, carried?: CarriedInvitation | null): Promise<InvitationAdvance> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // Bumps only a record whose fingerprint differs; a missing record is inserted at sequence 0.
      const bumped = await this.model
        .findOneAndUpdate({ _id: interviewId, fingerprint: { $ne: version.fingerprint } }, { $inc: { sequence: 1 }, $set: { fingerprint: version.fingerprint, method: version.method, updatedAt: now } }, { new: true })
        .lean<InvitationDocument>();
      if (bumped) return { record: toRecord(bumped), issued: true };
      // No record yet, or one with this fingerprint: the create's carried version may be the current one.
      if (carried && carried.fingerprint === version.fingerprint && !(await this.model.exists({ _id: interviewId }))) {
        return { record: carriedRecord(interviewId, version.uid, carried), issued: false };
      }
      try {
        const created = await this.model.create({ _id: interviewId, uid: version.uid, sequence: carried ? 1 : 0, method: version.method, fingerprint: version.fingerprint, updatedAt: now });
        return { record: toRecord(created.toObject()), issued: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const current = await this.model.findById(interviewId).lean<InvitationDocument>();
      if (current && current.fingerprint === version.fingerprint) return { record: toRecord(current), issued: false };
      // Changed between the two steps by another writer: go round again.
    }
    throw new Error(`could not advance the invitation of interview ${interviewId}: too much contention`);
  }
}
