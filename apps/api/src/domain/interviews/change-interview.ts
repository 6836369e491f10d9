import type { UpdateInterviewRequest } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { InterviewDetails, InterviewRecord } from '../ports/interview-repository';
import { findInterviewOrThrow } from './find-interview-or-throw';
import type { InterviewDeps } from './interview-deps';
import { refuseConflictingSlot } from '../scheduling/find-interview-conflicts';
import { refuseStartOutsideWindow } from './schedule-interview';
import { syncNow } from './sync-interview-meeting';
import { holdFallbackHostAtNewTime, releaseFallbackHost } from '../meetings/fallback-host-pool';

/** Fields the Zoom meeting shows (topic is built from candidate and position); notes stay in the CRM. */
const ZOOM_VISIBLE: (keyof InterviewDetails)[] = ['candidateName', 'position', 'startTime', 'timeZone', 'durationMinutes', 'agenda'];

/** Reschedules or edits; the meeting is updated on the account that hosts it (or queued when Zoom is unavailable). */
export async function rescheduleInterview(deps: InterviewDeps, id: string, input: UpdateInterviewRequest): Promise<InterviewRecord> {
  const current = await findInterviewOrThrow(deps, id);
  if (current.status === 'cancelled') throw new AppError({ code: 'interview_cancelled', status: 409, message: 'This interview was cancelled' });
  const { allowConflict = false, ...details } = input;
  const changes: Partial<InterviewDetails> = {
    ...details,
    startTime: details.startTime === undefined ? undefined : new Date(details.startTime),
  };
  // As when scheduling: a new start must be in the future (an unchanged start may already have passed).
  const newStart = changes.startTime;
  if (newStart !== undefined && newStart.getTime() !== current.startTime.getTime()) refuseStartOutsideWindow(newStart, deps.clock.now());
  // Only a change of time, length or candidate can create a new overlap; other edits leave an accepted one alone.
  const slot = {
    interviewerIds: [current.interviewerId],
    candidateEmail: changes.candidateEmail ?? current.candidateEmail,
    startTime: changes.startTime ?? current.startTime,
    durationMinutes: changes.durationMinutes ?? current.durationMinutes,
    excludeId: current.id,
  };
  const moves =
    slot.startTime.getTime() !== current.startTime.getTime() || slot.durationMinutes !== current.durationMinutes || slot.candidateEmail !== current.candidateEmail;
  if (moves) await refuseConflictingSlot({ interviews: deps.interviews, users: deps.users, conflictBufferMinutes: deps.conflictBufferMinutes ?? 0 }, slot, allowConflict);
  await holdFallbackHostAtNewTime(deps.fallbackHosts, current, slot);
  const touchesZoom = ZOOM_VISIBLE.some((key) => changes[key] !== undefined && String(changes[key]) !== String(current[key]));
  const updated = await deps.interviews.updateDetails(id, changes, { bumpRevision: touchesZoom, now: deps.clock.now() });
  if (!updated) throw new AppError({ code: 'interview_cancelled', status: 409, message: 'This interview was cancelled' });
  if (!touchesZoom && updated.meeting.status !== 'failed') return updated;
  return (await syncNow(deps, id)) ?? updated;
}

/**
 * Cancels the interview and deletes its meeting where it is hosted; a meeting already gone in Zoom counts
 * as deleted. Cancelling again retries a deletion that failed.
 */
export async function cancelInterview(deps: InterviewDeps, id: string): Promise<InterviewRecord> {
  const current = await findInterviewOrThrow(deps, id);
  if (current.status === 'cancelled') {
    return current.meeting.status === 'failed' && current.meeting.pendingAction === 'delete' ? ((await syncNow(deps, id)) ?? current) : current;
  }
  const cancelled = await deps.interviews.cancel(id, deps.clock.now());
  if (!cancelled) return findInterviewOrThrow(deps, id);
  await releaseFallbackHost(deps.fallbackHosts, id);
  return (await syncNow(deps, id)) ?? cancelled;
}
