import { Schema, type Connection, type Model } from 'mongoose';
import { HOST_REASONS, HOST_SOURCES, INTERVIEW_STATUSES, MEETING_ACTIONS, MEETING_STATUSES } from '@crm/shared/interviews';
import type { InterviewRecord } from '../../domain/ports/interview-repository';

/**
 * searchKeys: the candidate's name, its words and email, lower-cased, with their prefixes (see
 * candidate-search-terms.ts); absent or of an older `searchKeysVersion` on interviews saved before (the backfill fixes them).
 */
export type InterviewDocument = Omit<InterviewRecord, 'id'> & { _id: string; searchKeys?: string[]; searchKeysVersion?: number };

export function interviewModel(connection: Connection): Model<InterviewDocument> {
  const meeting = new Schema(
    {
      status: { type: String, enum: MEETING_STATUSES, required: true },
      pendingAction: { type: String, enum: [...MEETING_ACTIONS, null], default: null },
      // Zoom meeting ids are int64: stored as strings so no driver or JSON layer can round them.
      zoomMeetingId: { type: String, default: null },
      joinUrl: { type: String, default: null },
      startUrlEnvelope: { type: String, default: null },
      password: { type: String, default: null },
      hostSource: { type: String, enum: [...HOST_SOURCES, null], default: null },
      hostReason: { type: String, enum: [...HOST_REASONS, null], default: null },
      hostZoomUserId: { type: String, default: null },
      hostZoomEmail: { type: String, default: null },
      syncedRevision: { type: Number, required: true, default: 0 },
      deletedInZoom: { type: Boolean, required: true, default: false },
      createdInZoomAt: { type: Date, default: null },
      lastError: { type: new Schema({ code: String, message: String, at: Date }, { _id: false }), default: null },
      attempts: { type: Number, required: true, default: 0 },
      nextAttemptAt: { type: Date, default: null },
      claimedBy: { type: String, default: null },
      claimExpiresAt: { type: Date, default: null },
      unconfirmedCreate: {
        type: new Schema(
          {
            revision: { type: Number, required: true },
            topic: { type: String, required: true },
            startTime: { type: String, required: true },
            hostSource: { type: String, enum: [...HOST_SOURCES, null], default: null },
            hostReason: { type: String, enum: [...HOST_REASONS, null], default: null },
            hostInterviewerId: { type: String, default: null },
          },
          { _id: false },
        ),
        default: null,
      },
      rehostReason: { type: String, enum: [...HOST_REASONS, null], default: null },
      previousMeeting: {
        type: new Schema(
          {
            zoomMeetingId: { type: String, required: true },
            hostSource: { type: String, enum: HOST_SOURCES, required: true },
            hostInterviewerId: { type: String, default: null },
            hostZoomUserId: { type: String, default: null },
            joinUrl: { type: String, default: null },
          },
          { _id: false },
        ),
        default: null,
      },
      joinLinkChanged: {
        type: new Schema({ at: Date, previousJoinUrlMayStillWork: Boolean, reason: { type: String, default: null } }, { _id: false }),
        default: null,
      },
      // The invitation's first version, stored by the create's release (see CarriedInvitation).
      firstInvitation: {
        type: new Schema({ fingerprint: { type: String, required: true }, method: { type: String, enum: ['REQUEST', 'CANCEL'], required: true }, issuedAt: { type: Date, required: true } }, { _id: false }),
        default: null,
      },
      hostInterviewerId: { type: String, default: null },
      alternativeHostIds: { type: [String], default: undefined },
    },
    { _id: false },
  );
  const schema = new Schema<InterviewDocument>(
    {
      _id: { type: String, required: true },
      candidateName: { type: String, required: true },
      candidateEmail: { type: String, required: true },
      position: { type: String, required: true },
      interviewerId: { type: String, required: true },
      // The panel in order; absent on interviews saved before panels (backfill-interview-panels.ts).
      interviewerIds: { type: [String], default: undefined },
      startTime: { type: Date, required: true },
      endTime: { type: Date, required: true },
      timeZone: { type: String, required: true },
      durationMinutes: { type: Number, required: true },
      agenda: { type: String, default: '' },
      notes: { type: String, default: '' },
      status: { type: String, enum: INTERVIEW_STATUSES, required: true },
      createdById: { type: String, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      revision: { type: Number, required: true },
      meeting: { type: meeting, required: true },
      searchKeys: { type: [String], default: undefined },
      searchKeysVersion: { type: Number },
    },
    { collection: 'interviews', versionKey: false },
  );
  // The lists sort by startTime (then _id) and filter by endTime: equality, sort, range (ESR), so the
  // sort is read off the index (no in-memory SORT) for an interviewer's list and for everyone's.
  schema.index({ interviewerId: 1, startTime: 1, _id: 1, endTime: 1 });
  schema.index({ startTime: 1, _id: 1, endTime: 1 });
  // A panel member's list and the panel side of conflict checks (multikey: one entry per member).
  schema.index({ interviewerIds: 1, startTime: 1, _id: 1, endTime: 1 });
  // "Mine" and the recruiter filter, same shape; a candidate prefix is an anchored range on the search keys.
  schema.index({ createdById: 1, startTime: 1, _id: 1, endTime: 1 });
  schema.index({ searchKeys: 1, startTime: 1, _id: 1 });
  // The worker's "next pending meeting due" query, in due order.
  schema.index({ 'meeting.status': 1, 'meeting.nextAttemptAt': 1, _id: 1 });
  // One live interview per Zoom meeting: adopting a meeting found in Zoom is one write this index guards.
  schema.index(
    { 'meeting.zoomMeetingId': 1 },
    { name: 'live_zoom_meeting_unique', unique: true, partialFilterExpression: { 'meeting.zoomMeetingId': { $type: 'string' }, 'meeting.deletedInZoom': false } },
  );
  // Conflict checks look up a candidate's other interviews by email around a time (the interviewer side uses the first index).
  schema.index({ candidateEmail: 1, startTime: 1 });
  // Meeting analytics over the last 30 days.
  schema.index({ 'meeting.createdInZoomAt': 1 });
  return connection.models.Interview ?? connection.model<InterviewDocument>('Interview', schema);
}
