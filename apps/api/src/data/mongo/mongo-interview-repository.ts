import { randomUUID } from 'node:crypto';
import type { Model, PipelineStage } from 'mongoose';
import type {
  InterviewDetails,
  InterviewListFilter,
  InterviewRecord,
  InterviewRepository,
  MeetingHostCount,
  MeetingPatch,
  NewInterview,
  StartUrlEnvelope,
} from '../../domain/ports/interview-repository';
import { newInterviewRecord } from '../../domain/interviews/new-interview-record';
import type { InterviewDocument } from './interview-model';

function toRecord(doc: InterviewDocument): InterviewRecord {
  const { _id, meeting, ...rest } = doc;
  return {
    ...rest,
    id: _id,
    agenda: rest.agenda ?? '',
    notes: rest.notes ?? '',
    meeting: {
      status: meeting.status,
      pendingAction: meeting.pendingAction ?? null,
      zoomMeetingId: meeting.zoomMeetingId ?? null,
      joinUrl: meeting.joinUrl ?? null,
      startUrlEnvelope: meeting.startUrlEnvelope ?? null,
      password: meeting.password ?? null,
      hostSource: meeting.hostSource ?? null,
      hostReason: meeting.hostReason ?? null,
      hostZoomUserId: meeting.hostZoomUserId ?? null,
      hostZoomEmail: meeting.hostZoomEmail ?? null,
      syncedRevision: meeting.syncedRevision ?? 0,
      deletedInZoom: meeting.deletedInZoom ?? false,
      createdInZoomAt: meeting.createdInZoomAt ?? null,
      lastError: meeting.lastError ? { code: meeting.lastError.code, message: meeting.lastError.message, at: meeting.lastError.at } : null,
      attempts: meeting.attempts ?? 0,
      nextAttemptAt: meeting.nextAttemptAt ?? null,
      claimedBy: meeting.claimedBy ?? null,
      claimExpiresAt: meeting.claimExpiresAt ?? null,
      unconfirmedCreate: meeting.unconfirmedCreate
        ? {
            revision: meeting.unconfirmedCreate.revision,
            topic: meeting.unconfirmedCreate.topic,
            startTime: meeting.unconfirmedCreate.startTime,
            hostSource: meeting.unconfirmedCreate.hostSource ?? null,
            hostReason: meeting.unconfirmedCreate.hostReason ?? null,
          }
        : null,
    },
  };
}

/** `{ field: value }` → `{ 'meeting.field': value }`, so a patch never replaces the whole subdocument. */
function meetingSet(patch: MeetingPatch): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined).map(([key, value]) => [`meeting.${key}`, value]));
}

const CLAIM_FREE = (now: Date) => ({ $or: [{ 'meeting.claimedBy': null }, { 'meeting.claimExpiresAt': { $lte: now } }] });
const CLEAR_CLAIM = { 'meeting.claimedBy': null, 'meeting.claimExpiresAt': null };
const OWE_PENDING = (now: Date) => ({ 'meeting.status': 'pending', 'meeting.nextAttemptAt': now, 'meeting.attempts': 0 });

export class MongoInterviewRepository implements InterviewRepository {
  constructor(private readonly model: Model<InterviewDocument>) {}

  async create(input: NewInterview): Promise<InterviewRecord> {
    const { id, ...record } = newInterviewRecord(input, randomUUID(), new Date());
    const doc = await this.model.create({ ...record, _id: id });
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<InterviewRecord | null> {
    const doc = await this.model.findById(id).lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async list(filter: InterviewListFilter): Promise<InterviewRecord[]> {
    const query: Record<string, unknown> = {};
    if (filter.interviewerId !== undefined) query.interviewerId = filter.interviewerId;
    if (!filter.includeCancelled) query.status = { $ne: 'cancelled' };
    if (filter.when === 'upcoming') query.endTime = { $gte: filter.now };
    if (filter.when === 'past') query.endTime = { $lt: filter.now };
    const direction = filter.when === 'past' ? -1 : 1;
    const docs = await this.model
      .find(query)
      .sort({ startTime: direction, _id: 1 })
      .limit(filter.limit)
      .lean<InterviewDocument[]>();
    return docs.map(toRecord);
  }

  async updateDetails(id: string, changes: Partial<InterviewDetails>, options: { bumpRevision: boolean; now: Date }): Promise<InterviewRecord | null> {
    // $literal: in a pipeline update a user-typed "$name" would otherwise be read as a field path.
    const values = Object.fromEntries(
      Object.entries({ ...changes, updatedAt: options.now }).filter(([, value]) => value !== undefined).map(([key, value]) => [key, { $literal: value }]),
    );
    const stages: PipelineStage[] = [
      { $set: values },
      // endTime follows startTime and duration in the same atomic update, whichever of them changed.
      { $set: { endTime: { $add: ['$startTime', { $multiply: ['$durationMinutes', 60_000] }] } } },
    ];
    if (options.bumpRevision) {
      stages.push({
        $set: {
          revision: { $add: ['$revision', 1] },
          'meeting.status': { $literal: 'pending' },
          'meeting.nextAttemptAt': { $literal: options.now },
          'meeting.attempts': { $literal: 0 },
        },
      });
    }
    const doc = await this.model
      .findOneAndUpdate({ _id: id, status: { $ne: 'cancelled' } }, stages, { new: true })
      .lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async cancel(id: string, now: Date): Promise<InterviewRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, status: { $ne: 'cancelled' } },
        { $set: { status: 'cancelled', updatedAt: now, ...OWE_PENDING(now) }, $inc: { revision: 1 } },
        { new: true },
      )
      .lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async claim(id: string, owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, ...CLAIM_FREE(now) },
        { $set: { 'meeting.claimedBy': owner, 'meeting.claimExpiresAt': expiresAt } },
        { new: true },
      )
      .lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async claimNextDue(owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { 'meeting.status': 'pending', 'meeting.nextAttemptAt': { $lte: now }, ...CLAIM_FREE(now) },
        { $set: { 'meeting.claimedBy': owner, 'meeting.claimExpiresAt': expiresAt } },
        { new: true, sort: { 'meeting.nextAttemptAt': 1 } },
      )
      .lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async patchMeeting(id: string, owner: string, patch: MeetingPatch): Promise<InterviewRecord | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: id, 'meeting.claimedBy': owner }, { $set: meetingSet(patch) }, { new: true })
      .lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async release(id: string, owner: string, revision: number, patch: MeetingPatch): Promise<InterviewRecord | null> {
    const applied = await this.model
      .findOneAndUpdate({ _id: id, 'meeting.claimedBy': owner, revision }, { $set: { ...meetingSet(patch), ...CLEAR_CLAIM } }, { new: true })
      .lean<InterviewDocument>();
    if (applied) return toRecord(applied);
    // The interview changed while we talked to Zoom: leave it owed and due now rather than overwrite.
    const deferred = await this.model
      .findOneAndUpdate({ _id: id, 'meeting.claimedBy': owner }, { $set: { ...OWE_PENDING(new Date()), ...CLEAR_CLAIM } }, { new: true })
      .lean<InterviewDocument>();
    return deferred ? toRecord(deferred) : null;
  }

  async countMeetingHosts(since: Date): Promise<MeetingHostCount[]> {
    const rows = await this.model.aggregate<{ _id: { interviewerId: string; hostSource: MeetingHostCount['hostSource']; hostReason: MeetingHostCount['hostReason'] }; count: number }>([
      { $match: { 'meeting.createdInZoomAt': { $gte: since }, 'meeting.hostSource': { $ne: null } } },
      { $group: { _id: { interviewerId: '$interviewerId', hostSource: '$meeting.hostSource', hostReason: '$meeting.hostReason' }, count: { $sum: 1 } } },
    ]);
    return rows.map((row) => ({ interviewerId: row._id.interviewerId, hostSource: row._id.hostSource, hostReason: row._id.hostReason ?? null, count: row.count }));
  }

  async findByZoomMeetingId(zoomMeetingId: string): Promise<InterviewRecord | null> {
    const doc = await this.model.findOne({ 'meeting.zoomMeetingId': zoomMeetingId }).lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async isZoomMeetingTaken(zoomMeetingId: string, exceptInterviewId?: string): Promise<boolean> {
    const filter: Record<string, unknown> = { 'meeting.zoomMeetingId': zoomMeetingId };
    if (exceptInterviewId !== undefined) filter._id = { $ne: exceptInterviewId };
    return (await this.model.exists(filter)) !== null;
  }

  async listStartUrlEnvelopes(): Promise<StartUrlEnvelope[]> {
    const docs = await this.model
      .find({ 'meeting.startUrlEnvelope': { $type: 'string' } }, { _id: 1, 'meeting.startUrlEnvelope': 1 })
      .lean<Array<{ _id: string; meeting: { startUrlEnvelope: string } }>>();
    return docs.map((doc) => ({ id: doc._id, envelope: doc.meeting.startUrlEnvelope }));
  }

  async replaceStartUrlEnvelope(id: string, expected: string, next: string): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, 'meeting.startUrlEnvelope': expected }, { $set: { 'meeting.startUrlEnvelope': next } });
    return result.matchedCount === 1;
  }
}
