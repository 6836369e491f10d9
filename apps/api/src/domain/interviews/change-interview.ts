import { requestedPanel, type UpdateInterviewRequest } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { InterviewDetails, InterviewRecord } from '../ports/interview-repository';
import { findInterviewOrThrow } from './find-interview-or-throw';
import { panelOf } from './interview-panel';
import type { InterviewDeps } from './interview-deps';
import { refuseConflictingSlot } from '../scheduling/find-interview-conflicts';
import { refuseStartOutsideWindow } from './schedule-interview';
import { syncNow } from './sync-interview-meeting';
import { holdFallbackHostAtNewTime, releaseFallbackHost } from '../meetings/fallback-host-pool';
import { refuseInterviewersWithoutZoom } from '../scheduling/scheduling-policy';
import { knownRecords } from './known-records';
import { resolveInterviewPanel } from './resolve-interview-panel';
import { panelChange, type PanelChange } from './panel-change';

/** Fields the Zoom meeting shows (topic is built from candidate and position); notes stay in the CRM. */
const ZOOM_VISIBLE: (keyof InterviewDetails)[] = ['candidateName', 'position', 'startTime', 'timeZone', 'durationMinutes', 'agenda'];

/**
 * Reschedules or edits, the panel included; the meeting is updated on the account that hosts it (or queued
 * when Zoom is unavailable). A panel whose host would now be someone else moves the meeting there
 * (panel-change.ts), the way a re-host does: created on the new host, then the old one deleted.
 */
export interface RescheduledInterview {
  interview: InterviewRecord;
  /** Members this change took off the panel. */
  removedFromPanel: string[];
}

export async function rescheduleInterview(deps: InterviewDeps, id: string, input: UpdateInterviewRequest): Promise<RescheduledInterview> {
  const current = await findInterviewOrThrow(deps, id);
  if (current.status === 'cancelled') throw new AppError({ code: 'interview_cancelled', status: 409, message: 'This interview was cancelled' });
  const { allowConflict = false, interviewerIds: _panel, interviewerId: _shorthand, ...details } = input;
  const panel = await requestedPanelChange(deps, current, input);
  const changes: Partial<InterviewDetails> = {
    ...details,
    startTime: details.startTime === undefined ? undefined : new Date(details.startTime),
  };
  // As when scheduling: a new start must be in the future (an unchanged start may already have passed).
  const newStart = changes.startTime;
  if (newStart !== undefined && newStart.getTime() !== current.startTime.getTime()) refuseStartOutsideWindow(newStart, deps.clock.now());
  // Only a change of time, length or candidate can create a new overlap; other edits leave an accepted one alone.
  // Members joining the panel are checked at the (new) time whatever else changed.
  const slot = {
    interviewerIds: panel?.ids ?? panelOf(current),
    candidateEmail: changes.candidateEmail ?? current.candidateEmail,
    startTime: changes.startTime ?? current.startTime,
    durationMinutes: changes.durationMinutes ?? current.durationMinutes,
    excludeId: current.id,
  };
  const moves =
    slot.startTime.getTime() !== current.startTime.getTime() || slot.durationMinutes !== current.durationMinutes || slot.candidateEmail !== current.candidateEmail;
  const conflictDeps = { interviews: deps.interviews, users: deps.users, conflictBufferMinutes: deps.conflictBufferMinutes ?? 0 };
  if (moves) await refuseConflictingSlot(conflictDeps, slot, allowConflict);
  else if (panel && panel.added.length > 0) await refuseConflictingSlot(conflictDeps, { ...slot, interviewerIds: panel.added, candidateEmail: null }, allowConflict);
  await holdFallbackHostAtNewTime(deps.fallbackHosts, current, slot);
  const now = deps.clock.now();
  if (panel && !(await deps.interviews.changePanel(id, panel.ids, { moveMeeting: panel.moveMeeting, now }))) {
    throw new AppError({ code: 'interview_cancelled', status: 409, message: 'This interview was cancelled' });
  }
  const touchesZoom = ZOOM_VISIBLE.some((key) => changes[key] !== undefined && String(changes[key]) !== String(current[key]));
  const updated = await deps.interviews.updateDetails(id, changes, { bumpRevision: touchesZoom, now });
  if (!updated) throw new AppError({ code: 'interview_cancelled', status: 409, message: 'This interview was cancelled' });
  const removedFromPanel = panel?.removed ?? [];
  if (!touchesZoom && !panel && updated.meeting.status !== 'failed') return { interview: updated, removedFromPanel };
  return { interview: (await syncNow(deps, id)) ?? updated, removedFromPanel };
}

/** The panel the request asks for, when it differs from the current one: its members checked in one read. */
async function requestedPanelChange(deps: InterviewDeps, current: InterviewRecord, input: UpdateInterviewRequest): Promise<PanelChange | null> {
  const requested = requestedPanel(input);
  if (!requested || requested.ids.join(',') === panelOf(current).join(',')) return null;
  const members = resolveInterviewPanel(input, knownRecords(await deps.users.findByIds(requested.ids)));
  const change = panelChange(current, members);
  // The policy binds whoever joins; members already on the panel keep their place (existing interviews are unaffected).
  await refuseInterviewersWithoutZoom(deps.settings, members.filter((member) => change.added.includes(member.id)));
  return change;
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
