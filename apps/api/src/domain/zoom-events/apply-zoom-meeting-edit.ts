import type { ZoomMeetingEvent } from '@crm/shared/zoom-connection';
import type { InterviewDetails } from '../ports/interview-repository';
import type { ZoomMeetingNotice } from '../ports/interview-attendance-repository';
import { updateInterviewAttendance } from './update-interview-attendance';
import { recordZoomEventApplied } from '../audit/record-zoom-event-applied';
import { zoomEventAuditDeps, type ZoomEventDeps } from './zoom-event-deps';

type Change = ZoomMeetingNotice['changes'][number];

/** Claims on a meeting last this long while it is marked deleted; the write itself is one update. */
const CLAIM_MS = 30_000;

async function addNotice(deps: ZoomEventDeps, interviewId: string, zoomMeetingId: string, notice: ZoomMeetingNotice): Promise<void> {
  const now = deps.clock.now();
  await updateInterviewAttendance(deps.attendance, { interviewId, zoomMeetingId, now }, (draft) => {
    // A replayed event adds nothing twice.
    const seen = draft.zoomNotices.some((n) => n.kind === notice.kind && n.at.getTime() === notice.at.getTime());
    return seen ? draft : { ...draft, zoomNotices: [...draft.zoomNotices, notice], updatedAt: now };
  });
}

/**
 * `meeting.updated`: a time, duration or time zone changed in Zoom updates the interview, and every change
 * (topic too) is noted for recruiters. Zoom also sends this event for the CRM's own updates; those carry the
 * values the interview already has, so they change nothing and add no notice.
 */
export async function applyZoomMeetingUpdate(deps: ZoomEventDeps, event: ZoomMeetingEvent): Promise<'changed_in_zoom' | 'own_change' | 'no_interview'> {
  const { object, old_object: old, operator } = event.payload;
  const interview = await deps.interviews.findByZoomMeetingId(object.id);
  if (!interview || interview.status === 'cancelled') return 'no_interview';
  const changes: Change[] = [];
  const details: Partial<InterviewDetails> = {};
  const startMs = object.start_time ? Date.parse(object.start_time) : Number.NaN;
  if (!Number.isNaN(startMs) && startMs !== interview.startTime.getTime()) {
    changes.push({ field: 'startTime', from: interview.startTime.toISOString(), to: new Date(startMs).toISOString() });
    details.startTime = new Date(startMs);
  }
  if (object.duration !== undefined && object.duration > 0 && object.duration !== interview.durationMinutes) {
    changes.push({ field: 'durationMinutes', from: String(interview.durationMinutes), to: String(object.duration) });
    details.durationMinutes = object.duration;
  }
  if (object.timezone && object.timezone !== interview.timeZone) {
    changes.push({ field: 'timeZone', from: interview.timeZone, to: object.timezone });
    details.timeZone = object.timezone;
  }
  // The CRM derives the topic from the interview, so it cannot tell its own topic apart: only a topic Zoom reports as changed counts.
  if (object.topic !== undefined && old?.topic !== undefined && old.topic !== object.topic) {
    changes.push({ field: 'topic', from: old.topic, to: object.topic });
  }
  if (changes.length === 0) return 'own_change';
  const now = deps.clock.now();
  if (Object.keys(details).length > 0) await deps.interviews.updateDetails(interview.id, details, { bumpRevision: false, now });
  await addNotice(deps, interview.id, object.id, { kind: 'changed_in_zoom', at: new Date(event.event_ts), by: operator ?? null, changes });
  await recordZoomEventApplied(zoomEventAuditDeps(deps), { zoomEvent: event.event, outcome: 'changed_in_zoom', interview, details: { changes, operator: operator ?? null } });
  return 'changed_in_zoom';
}

/**
 * `meeting.deleted`: when the CRM did not delete it (the interview is not cancelled), the meeting is marked
 * gone in Zoom and failed, so recruiters see it and can re-create it (reschedule) or cancel the interview.
 */
export async function applyZoomMeetingDeletion(deps: ZoomEventDeps, event: ZoomMeetingEvent): Promise<'deleted_in_zoom' | 'own_change' | 'no_interview'> {
  const { object, operator } = event.payload;
  const interview = await deps.interviews.findByZoomMeetingId(object.id);
  if (!interview) return 'no_interview';
  if (interview.status === 'cancelled' || interview.meeting.status === 'cancelled' || interview.meeting.pendingAction === 'delete') return 'own_change';
  if (interview.meeting.deletedInZoom) return 'deleted_in_zoom';
  const now = deps.clock.now();
  const claimed = await deps.interviews.claim(interview.id, deps.owner, new Date(now.getTime() + CLAIM_MS), now);
  // Someone is talking to Zoom about this meeting right now: try again once they are done.
  if (!claimed) throw new Error(`interview ${interview.id} is claimed; meeting.deleted will be retried`);
  const released = await deps.interviews.release(interview.id, deps.owner, claimed.revision, {
    deletedInZoom: true,
    status: 'failed',
    pendingAction: null,
    lastError: { code: 'zoom_meeting_deleted', message: 'The meeting was deleted in Zoom. Reschedule to create a new one, or cancel the interview.', at: now },
  });
  if (!released) throw new Error(`lost the claim on interview ${interview.id}; meeting.deleted will be retried`);
  await addNotice(deps, interview.id, object.id, { kind: 'deleted_in_zoom', at: new Date(event.event_ts), by: operator ?? null, changes: [] });
  await recordZoomEventApplied(zoomEventAuditDeps(deps), { zoomEvent: event.event, outcome: 'deleted_in_zoom', interview, details: { operator: operator ?? null } });
  return 'deleted_in_zoom';
}
