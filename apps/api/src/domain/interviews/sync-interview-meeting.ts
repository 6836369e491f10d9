import type { MeetingAction } from '@crm/shared/interviews';
import { describeMeetingFailure } from '../meetings/meeting-failure';
import type { MeetingData } from '../meetings/zoom-meeting-body';
import type { InterviewRecord, MeetingPatch } from '../ports/interview-repository';
import { startUrlContext, type InterviewDeps } from './interview-deps';

const MAX_BACKOFF_MS = 15 * 60_000;

export function meetingDataOf(interview: InterviewRecord): MeetingData {
  return {
    topic: `Interview: ${interview.candidateName} – ${interview.position}`,
    startTime: interview.startTime,
    durationMinutes: interview.durationMinutes,
    timeZone: interview.timeZone,
    agenda: interview.agenda,
  };
}

/** What Zoom still owes this interview, comparing what the CRM wants with what Zoom was last told. */
export function owedAction(interview: InterviewRecord): MeetingAction | null {
  const { meeting } = interview;
  if (interview.status === 'cancelled') return meeting.zoomMeetingId && !meeting.deletedInZoom ? 'delete' : null;
  if (!meeting.zoomMeetingId) return 'create';
  return meeting.syncedRevision < interview.revision ? 'update' : null;
}

function settled(interview: InterviewRecord): MeetingPatch {
  return {
    status: interview.status === 'cancelled' ? 'cancelled' : 'scheduled',
    pendingAction: null,
    syncedRevision: interview.revision,
    lastError: null,
    attempts: 0,
    nextAttemptAt: null,
  };
}

/**
 * Brings the Zoom meeting in line with the interview, holding the claim `owner` took on it. Success
 * settles the meeting; a retryable failure leaves it `pending` with a backoff for the worker; any other
 * failure marks it `failed` with the reason. Changes made meanwhile are never overwritten (see release).
 */
export async function syncInterviewMeeting(deps: InterviewDeps, claimed: InterviewRecord, owner: string): Promise<InterviewRecord> {
  const interview = claimed;
  const action = owedAction(interview);
  const meeting = interview.meeting;
  const host = { hostSource: meeting.hostSource ?? 'system', interviewerId: interview.interviewerId } as const;
  try {
    if (action === 'create') {
      // Counted before the call: if this process dies mid-create, the next attempt knows to look first.
      await deps.interviews.patchMeeting(interview.id, owner, { attempts: meeting.attempts + 1 });
      const created = await deps.createZoomMeeting(meetingDataOf(interview), interview.interviewerId, { mayAlreadyExist: meeting.attempts > 0, interviewId: interview.id });
      // Stored before anything else, so a meeting Zoom made is never forgotten (and never made twice).
      const patched = await deps.interviews.patchMeeting(interview.id, owner, {
        zoomMeetingId: created.meeting.id,
        joinUrl: created.meeting.joinUrl,
        startUrlEnvelope: created.meeting.startUrl ? deps.cipher.encrypt(created.meeting.startUrl, startUrlContext(interview.id)) : null,
        password: created.meeting.password,
        hostSource: created.hostSource,
        hostReason: created.hostReason,
        hostZoomUserId: created.hostZoomUserId,
        hostZoomEmail: created.hostZoomEmail,
        createdInZoomAt: deps.now(),
        deletedInZoom: false,
      });
      if (!patched) deps.logger.error({ interviewId: interview.id, zoomMeetingId: created.meeting.id }, 'lost the claim while creating a meeting');
    } else if (action === 'update') {
      await deps.updateZoomMeeting(meeting.zoomMeetingId!, host, meetingDataOf(interview));
    } else if (action === 'delete') {
      const { alreadyGone } = await deps.deleteZoomMeeting(meeting.zoomMeetingId!, host);
      if (alreadyGone) deps.logger.info({ interviewId: interview.id }, 'meeting was already deleted in Zoom; counting it as deleted');
    }
    const done = action === 'delete' ? { ...settled(interview), deletedInZoom: true } : settled(interview);
    return (await deps.interviews.release(interview.id, owner, interview.revision, done)) ?? interview;
  } catch (error) {
    const failure = describeMeetingFailure(error);
    const attempts = meeting.attempts + 1;
    const now = deps.now();
    const lastError = { code: failure.code, message: failure.message, at: now };
    const ended = interview.endTime.getTime() <= now.getTime() && action !== 'delete';
    const patch: MeetingPatch =
      failure.retryable && !ended
        ? { status: 'pending', pendingAction: action, lastError, attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(deps.retryBaseMs, attempts, failure.retryAfterMs)) }
        : { status: 'failed', pendingAction: action, lastError: ended && failure.retryable ? { ...lastError, code: 'interview_ended', message: `Gave up: the interview is over. Last error: ${failure.message}` } : lastError, attempts, nextAttemptAt: null };
    deps.logger.warn({ interviewId: interview.id, action, attempts, code: failure.code, retryable: failure.retryable }, 'meeting change did not reach Zoom');
    return (await deps.interviews.release(interview.id, owner, interview.revision, patch)) ?? interview;
  }
}

/** Exponential backoff with jitter for the worker; never sooner than Zoom's Retry-After. */
export function retryDelayMs(baseMs: number, attempts: number, retryAfterMs: number | null): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(attempts - 1, 20));
  const jittered = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Claims the interview and syncs it now, as a request does right after a change. When someone else
 * (the worker) holds it, the change stays queued and their release re-queues it for a fresh pass.
 */
export async function syncNow(deps: InterviewDeps, interviewId: string): Promise<InterviewRecord | null> {
  let latest: InterviewRecord | null = null;
  // A second pass covers a change that arrived while the first pass talked to Zoom.
  for (let pass = 0; pass < 2; pass += 1) {
    const now = deps.now();
    const claimed = await deps.interviews.claim(interviewId, deps.owner, new Date(now.getTime() + deps.claimTtlMs), now);
    if (!claimed) return latest ?? deps.interviews.findById(interviewId);
    if (owedAction(claimed) === null && claimed.meeting.status !== 'pending') {
      return deps.interviews.release(claimed.id, deps.owner, claimed.revision, {});
    }
    latest = await syncInterviewMeeting(deps, claimed, deps.owner);
    if (latest.meeting.status !== 'pending' || latest.meeting.attempts > 0) return latest;
  }
  return latest;
}
