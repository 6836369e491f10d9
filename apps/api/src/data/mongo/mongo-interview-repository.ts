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
  OverlapQuery,
  RehostRequest,
  StartUrlEnvelope,
} from '../../domain/ports/interview-repository';
import { NO_FALLBACK_HOST_FREE, ZoomMeetingTakenError } from '../../domain/ports/interview-repository';
import { newInterviewRecord } from '../../domain/interviews/new-interview-record';
import type { InterviewDocument } from './interview-model';
import { candidatePrefixQuery, candidateSearchTerms, candidateSearchTermsExpression, SEARCH_KEYS_VERSION } from './candidate-search-terms';

function toRecord(doc: InterviewDocument): InterviewRecord {
  // searchKeys is the list index's business, not part of the record.
  const { _id, meeting, searchKeys: _searchKeys, searchKeysVersion: _searchKeysVersion, ...rest } = doc;
  return {
    ...rest,
    id: _id,
    interviewerIds: rest.interviewerIds && rest.interviewerIds.length > 0 ? rest.interviewerIds : [rest.interviewerId],
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
            hostInterviewerId: meeting.unconfirmedCreate.hostInterviewerId ?? null,
          }
        : null,
      rehostReason: meeting.rehostReason ?? null,
      previousMeeting: meeting.previousMeeting
        ? {
            zoomMeetingId: meeting.previousMeeting.zoomMeetingId,
            hostSource: meeting.previousMeeting.hostSource,
            hostInterviewerId: meeting.previousMeeting.hostInterviewerId ?? null,
            hostZoomUserId: meeting.previousMeeting.hostZoomUserId ?? null,
            joinUrl: meeting.previousMeeting.joinUrl ?? null,
          }
        : null,
      joinLinkChanged: meeting.joinLinkChanged
        ? { at: meeting.joinLinkChanged.at, previousJoinUrlMayStillWork: meeting.joinLinkChanged.previousJoinUrlMayStillWork, reason: meeting.joinLinkChanged.reason ?? null }
        : null,
      ...(meeting.firstInvitation ? { firstInvitation: { fingerprint: meeting.firstInvitation.fingerprint, method: meeting.firstInvitation.method, issuedAt: meeting.firstInvitation.issuedAt } } : {}),
      hostInterviewerId: meeting.hostInterviewerId ?? null,
      alternativeHostIds: meeting.alternativeHostIds ?? [],
    },
  };
}

/** `{ field: value }` → `{ 'meeting.field': value }`, so a patch never replaces the whole subdocument. */
function meetingSet(patch: MeetingPatch): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined).map(([key, value]) => [`meeting.${key}`, value]));
}

const EPOCH = new Date(0);

/** Free by the server's clock ($$NOW): nobody holds it, or the claim lapsed; a missing expiry counts as lapsed. */
const CLAIM_FREE = {
  $expr: {
    $or: [{ $ne: [{ $type: '$meeting.claimedBy' }, 'string'] }, { $lte: [{ $ifNull: ['$meeting.claimExpiresAt', EPOCH] }, '$$NOW'] }],
  },
};

/** Stamps the claim from the server's clock, for as long as the caller asked (expiresAt - now). */
function takeClaim(owner: string, expiresAt: Date, now: Date): PipelineStage[] {
  const ttlMs = Math.max(0, expiresAt.getTime() - now.getTime());
  return [{ $set: { 'meeting.claimedBy': { $literal: owner }, 'meeting.claimExpiresAt': { $add: ['$$NOW', ttlMs] } } }];
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/** The partial unique index on live meeting ids refused the write: that meeting is another interview's. */
async function refusingTakenMeetingId<T>(patch: MeetingPatch, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKey(error) && patch.zoomMeetingId) throw new ZoomMeetingTakenError(patch.zoomMeetingId);
    throw error;
  }
}
const CLEAR_CLAIM = { 'meeting.claimedBy': null, 'meeting.claimExpiresAt': null };
const OWE_PENDING = (now: Date) => ({ 'meeting.status': 'pending', 'meeting.nextAttemptAt': now, 'meeting.attempts': 0 });
/** In a pipeline update, values are expressions: $literal keeps them values. */
const literalValues = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { $literal: value }]));

export class MongoInterviewRepository implements InterviewRepository {
  constructor(private readonly model: Model<InterviewDocument>) {}

  async create(input: NewInterview): Promise<InterviewRecord> {
    const { id, ...record } = newInterviewRecord(input, randomUUID(), new Date());
    const doc = await this.model.create({ ...record, _id: id, searchKeys: candidateSearchTerms(record.candidateName, record.candidateEmail), searchKeysVersion: SEARCH_KEYS_VERSION });
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<InterviewRecord | null> {
    const doc = await this.model.findById(id).lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async list(filter: InterviewListFilter): Promise<InterviewRecord[]> {
    const query: Record<string, unknown> = {};
    const and: Record<string, unknown>[] = [];
    // Anyone on the panel (an array field matches any element).
    if (filter.interviewerId !== undefined) query.interviewerIds = filter.interviewerId;
    if (filter.createdById !== undefined) query.createdById = filter.createdById;
    if (!filter.includeCancelled) query.status = { $ne: 'cancelled' };
    if (filter.when === 'upcoming') query.endTime = { $gte: filter.now };
    if (filter.when === 'past') query.endTime = { $lt: filter.now };
    if (filter.meetingStatus !== undefined) query['meeting.status'] = filter.meetingStatus;
    if (filter.hostSource !== undefined) query['meeting.hostSource'] = filter.hostSource;
    // An equality on a stored prefix: the searchKeys index serves the filter and the order (candidate-search-terms.ts).
    if (filter.candidatePrefix !== undefined) query.searchKeys = candidatePrefixQuery(filter.candidatePrefix);
    const startTime: Record<string, Date> = {};
    if (filter.startFrom) startTime.$gte = filter.startFrom;
    if (filter.startBefore) startTime.$lt = filter.startBefore;
    // Ties follow the same direction, so one index read forwards or backwards serves the sort.
    const direction = filter.when === 'past' ? -1 : 1;
    if (filter.after) {
      const { startTime: t, id } = filter.after;
      const beyond = direction === 1 ? '$gt' : '$lt';
      // The plain bound on startTime lets the planner start the index scan at the cursor; the $or settles ties by _id.
      and.push({ startTime: { [direction === 1 ? '$gte' : '$lte']: t } }, { $or: [{ startTime: { [beyond]: t } }, { startTime: t, _id: { [beyond]: id } }] });
    }
    if (Object.keys(startTime).length > 0) and.push({ startTime });
    if (and.length > 0) query.$and = and;
    const docs = await this.model
      .find(query)
      .sort({ startTime: direction, _id: direction })
      .limit(filter.limit)
      .lean<InterviewDocument[]>();
    return docs.map(toRecord);
  }

  async listWaitingForFallbackHost(now: Date, limit: number): Promise<InterviewRecord[]> {
    // The { 'meeting.status', 'meeting.nextAttemptAt' } index narrows to failed meetings, which are few.
    const docs = await this.model
      .find({ 'meeting.status': 'failed', 'meeting.lastError.code': NO_FALLBACK_HOST_FREE, status: 'scheduled', startTime: { $gt: now } })
      .sort({ startTime: 1, _id: 1 })
      .limit(limit)
      .lean<InterviewDocument[]>();
    return docs.map(toRecord);
  }

  async findOverlapping(query: OverlapQuery): Promise<InterviewRecord[]> {
    const who: Record<string, unknown>[] = [{ interviewerIds: { $in: query.interviewerIds } }];
    if (query.candidateEmail !== null) who.push({ candidateEmail: query.candidateEmail });
    const filter: Record<string, unknown> = { $or: who, status: { $ne: 'cancelled' }, startTime: { $lt: query.to }, endTime: { $gt: query.from } };
    if (query.excludeId !== undefined) filter._id = { $ne: query.excludeId };
    const docs = await this.model.find(filter).sort({ startTime: 1, _id: 1 }).limit(query.limit).lean<InterviewDocument[]>();
    return docs.map(toRecord);
  }

  async updateDetails(id: string, changes: Partial<InterviewDetails>, options: { bumpRevision: boolean; now: Date }): Promise<InterviewRecord | null> {
    // A pipeline update skips mongoose's casting and validation: cast and validate the changed paths first.
    const defined = Object.fromEntries(Object.entries({ ...changes, updatedAt: options.now }).filter(([, value]) => value !== undefined));
    const cast = this.model.castObject(defined) as Record<string, unknown>;
    await this.model.validate(cast, Object.keys(cast));
    // $literal: in a pipeline update a user-typed "$name" would otherwise be read as a field path.
    const values = Object.fromEntries(Object.entries(cast).map(([key, value]) => [key, { $literal: value }]));
    const stages: PipelineStage[] = [
      { $set: values },
      // endTime follows startTime and duration in the same atomic update, whichever of them changed.
      { $set: { endTime: { $add: ['$startTime', { $multiply: ['$durationMinutes', 60_000] }] } } },
      // The candidate search keys follow the name and email (as candidateSearchTerms computes them).
      { $set: { searchKeys: candidateSearchTermsExpression(), searchKeysVersion: { $literal: SEARCH_KEYS_VERSION } } },
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

  async changePanel(id: string, interviewerIds: string[], options: { moveMeeting: boolean; now: Date }): Promise<InterviewRecord | null> {
    if (interviewerIds.length === 0) return null;
    const panel = { interviewerIds: { $literal: interviewerIds }, interviewerId: { $literal: interviewerIds[0] }, updatedAt: { $literal: options.now } };
    const stages: PipelineStage[] = [{ $set: { ...panel, revision: { $add: ['$revision', 1] }, ...literalValues(OWE_PENDING(options.now)) } }];
    if (options.moveMeeting) {
      // As markForRehost: the meeting becomes the one to retire once its replacement exists on the new host.
      const movable = { $and: [{ $eq: [{ $type: '$meeting.zoomMeetingId' }, 'string'] }, { $ne: [{ $ifNull: ['$meeting.hostSource', null] }, null] }, { $eq: [{ $ifNull: ['$meeting.previousMeeting', null] }, null] }] };
      const moved = (value: unknown, otherwise: string) => ({ $cond: [movable, value, otherwise] });
      stages.unshift({
        $set: {
          'meeting.previousMeeting': moved(
            { zoomMeetingId: '$meeting.zoomMeetingId', hostSource: '$meeting.hostSource', hostInterviewerId: { $ifNull: ['$meeting.hostInterviewerId', null] }, hostZoomUserId: '$meeting.hostZoomUserId', joinUrl: '$meeting.joinUrl' },
            '$meeting.previousMeeting',
          ),
          'meeting.pendingAction': moved({ $literal: 'create' }, '$meeting.pendingAction'),
          'meeting.joinUrl': moved(null, '$meeting.joinUrl'),
          'meeting.password': moved(null, '$meeting.password'),
          'meeting.zoomMeetingId': moved(null, '$meeting.zoomMeetingId'),
        },
      });
    }
    const doc = await this.model.findOneAndUpdate({ _id: id, status: { $ne: 'cancelled' } }, stages, { new: true }).lean<InterviewDocument>();
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
        { _id: id, ...CLAIM_FREE },
        takeClaim(owner, expiresAt, now),
        { new: true },
      )
      .lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async claimNextDue(owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        // Due by the schedule the domain keeps (its clock); free by the server's.
        { 'meeting.status': 'pending', 'meeting.nextAttemptAt': { $lte: now }, ...CLAIM_FREE },
        takeClaim(owner, expiresAt, now),
        { new: true, sort: { 'meeting.nextAttemptAt': 1, _id: 1 } },
      )
      .lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  async patchMeeting(id: string, owner: string, patch: MeetingPatch): Promise<InterviewRecord | null> {
    const doc = await refusingTakenMeetingId(patch, () =>
      this.model.findOneAndUpdate({ _id: id, 'meeting.claimedBy': owner }, { $set: meetingSet(patch) }, { new: true }).lean<InterviewDocument>(),
    );
    return doc ? toRecord(doc) : null;
  }

  async release(id: string, owner: string, revision: number, patch: MeetingPatch, recorded: MeetingPatch = {}): Promise<InterviewRecord | null> {
    const both = { ...recorded, ...patch };
    const applied = await refusingTakenMeetingId(both, () =>
      this.model
        .findOneAndUpdate({ _id: id, 'meeting.claimedBy': owner, revision }, { $set: { ...meetingSet(both), ...CLEAR_CLAIM } }, { new: true })
        .lean<InterviewDocument>(),
    );
    if (applied) return toRecord(applied);
    // The interview changed while we talked to Zoom: leave it owed and due now rather than overwrite.
    const deferred = await refusingTakenMeetingId(recorded, () =>
      this.model
        .findOneAndUpdate({ _id: id, 'meeting.claimedBy': owner }, { $set: { ...meetingSet(recorded), ...OWE_PENDING(new Date()), ...CLEAR_CLAIM } }, { new: true })
        .lean<InterviewDocument>(),
    );
    return deferred ? toRecord(deferred) : null;
  }

  async countMeetingHosts(since: Date): Promise<MeetingHostCount[]> {
    const rows = await this.model.aggregate<{ _id: { interviewerId: string; hostSource: MeetingHostCount['hostSource']; hostReason: MeetingHostCount['hostReason'] }; count: number }>([
      { $match: { 'meeting.createdInZoomAt': { $gte: since }, 'meeting.hostSource': { $ne: null }, status: { $ne: 'cancelled' } } },
      // A panel's meeting counts for the member whose own account hosts it (the first, on the organisation's).
      {
        $group: {
          _id: {
            interviewerId: { $cond: [{ $eq: ['$meeting.hostSource', 'interviewer'] }, { $ifNull: ['$meeting.hostInterviewerId', '$interviewerId'] }, '$interviewerId'] },
            hostSource: '$meeting.hostSource',
            hostReason: '$meeting.hostReason',
          },
          count: { $sum: 1 },
        },
      },
    ]);
    return rows.map((row) => ({ interviewerId: row._id.interviewerId, hostSource: row._id.hostSource, hostReason: row._id.hostReason ?? null, count: row.count }));
  }

  async backfillSearchKeys(batchSize: number): Promise<number> {
    let updated = 0;
    for (;;) {
      const stale = await this.model
        .find({ searchKeysVersion: { $ne: SEARCH_KEYS_VERSION } }, { _id: 1, candidateName: 1, candidateEmail: 1 })
        .limit(batchSize)
        .lean<Pick<InterviewDocument, '_id' | 'candidateName' | 'candidateEmail'>[]>();
      if (stale.length === 0) return updated;
      const result = await this.model.bulkWrite(
        stale.map((doc) => ({
          updateOne: {
            // Renamed meanwhile: updateDetails already wrote current keys (and the version), so this one misses.
            filter: { _id: doc._id, candidateName: doc.candidateName, candidateEmail: doc.candidateEmail, searchKeysVersion: { $ne: SEARCH_KEYS_VERSION } },
            update: { $set: { searchKeys: candidateSearchTerms(doc.candidateName, doc.candidateEmail), searchKeysVersion: SEARCH_KEYS_VERSION } },
          },
        })),
        { ordered: false },
      );
      updated += result.modifiedCount;
    }
  }

  async findByZoomMeetingId(zoomMeetingId: string): Promise<InterviewRecord | null> {
    const doc = await this.model.findOne({ 'meeting.zoomMeetingId': zoomMeetingId }).lean<InterviewDocument>();
    return doc ? toRecord(doc) : null;
  }

  /** Advisory only: the write that stores an adopted meeting id is what decides (ZoomMeetingTakenError). */
  async isZoomMeetingTaken(zoomMeetingId: string, exceptInterviewId?: string): Promise<boolean> {
    // Spelled as the partial unique index's filter, so the planner can use that index.
    const filter: Record<string, unknown> = { 'meeting.zoomMeetingId': { $eq: zoomMeetingId, $type: 'string' }, 'meeting.deletedInZoom': false };
    if (exceptInterviewId !== undefined) filter._id = { $ne: exceptInterviewId };
    return (await this.model.exists(filter)) !== null;
  }

  async markForRehost(requests: RehostRequest[], now: Date): Promise<string[]> {
    const queued: string[] = [];
    for (const reason of new Set(requests.map((request) => request.reason))) {
      const interviewerIds = requests.filter((request) => request.reason === reason).map((request) => request.interviewerId);
      const filter = {
        // The member whose own account hosts it; records from before panels name only the first.
        $or: [{ 'meeting.hostInterviewerId': { $in: interviewerIds } }, { 'meeting.hostInterviewerId': null, interviewerId: { $in: interviewerIds } }],
        status: 'scheduled',
        endTime: { $gte: now },
        'meeting.hostSource': 'interviewer',
        'meeting.zoomMeetingId': { $type: 'string' },
        'meeting.previousMeeting': null,
      };
      const ids = (await this.model.find(filter, { _id: 1 }).lean<Array<{ _id: string }>>()).map((doc) => doc._id);
      for (const id of ids) {
        // One document at a time, conditionally: a meeting changed meanwhile is re-checked, never moved twice.
        const result = await this.model.updateOne({ ...filter, _id: id }, [
          {
            $set: {
              'meeting.previousMeeting': {
                zoomMeetingId: '$meeting.zoomMeetingId',
                hostSource: '$meeting.hostSource',
                hostInterviewerId: { $ifNull: ['$meeting.hostInterviewerId', null] },
                hostZoomUserId: '$meeting.hostZoomUserId',
                joinUrl: '$meeting.joinUrl',
              },
              'meeting.zoomMeetingId': null,
              'meeting.joinUrl': null,
              'meeting.password': null,
              'meeting.rehostReason': reason,
              'meeting.pendingAction': 'create',
              'meeting.status': 'pending',
              'meeting.nextAttemptAt': now,
              'meeting.attempts': 0,
              revision: { $add: ['$revision', 1] },
            },
          },
        ]);
        if (result.modifiedCount === 1) queued.push(id);
      }
    }
    return queued;
  }

  async listStartUrlEnvelopes(): Promise<StartUrlEnvelope[]> {
    const docs = await this.model
      .find({ 'meeting.startUrlEnvelope': { $type: 'string' } }, { _id: 1, 'meeting.startUrlEnvelope': 1 })
      .lean<Array<{ _id: string; meeting: { startUrlEnvelope: string } }>>();
    return docs.map((doc) => ({ id: doc._id, envelope: doc.meeting.startUrlEnvelope }));
  }

  async replaceStartUrlEnvelope(id: string, expected: string, next: string | null): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, 'meeting.startUrlEnvelope': expected }, { $set: { 'meeting.startUrlEnvelope': next } });
    return result.matchedCount === 1;
  }
}
