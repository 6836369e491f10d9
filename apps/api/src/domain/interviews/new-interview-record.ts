import type { InterviewRecord, NewInterview } from '../ports/interview-repository';

export function interviewEndTime(startTime: Date, durationMinutes: number): Date {
  return new Date(startTime.getTime() + durationMinutes * 60_000);
}

/** The record every store saves for a new interview: scheduled, revision 1, its meeting owed to Zoom and claimed by the creator. */
export function newInterviewRecord(input: NewInterview, id: string, now: Date): InterviewRecord {
  const { claim, unconfirmedCreate, interviewerIds, ...details } = input;
  return {
    ...details,
    interviewerIds: interviewerIds && interviewerIds.length > 0 ? [...interviewerIds] : [input.interviewerId],
    id,
    endTime: interviewEndTime(input.startTime, input.durationMinutes),
    status: 'scheduled',
    createdAt: now,
    updatedAt: now,
    revision: 1,
    meeting: {
      status: 'pending',
      pendingAction: 'create',
      zoomMeetingId: null,
      joinUrl: null,
      startUrlEnvelope: null,
      password: null,
      hostSource: null,
      hostReason: null,
      hostZoomUserId: null,
      hostZoomEmail: null,
      syncedRevision: 0,
      deletedInZoom: false,
      createdInZoomAt: null,
      lastError: null,
      attempts: 0,
      nextAttemptAt: now,
      claimedBy: claim.owner,
      claimExpiresAt: claim.expiresAt,
      unconfirmedCreate: unconfirmedCreate ?? null,
      rehostReason: null,
      previousMeeting: null,
      joinLinkChanged: null,
      hostInterviewerId: null,
      alternativeHostIds: [],
    },
  };
}
