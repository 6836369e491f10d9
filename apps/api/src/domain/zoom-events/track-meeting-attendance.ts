import type { ZoomMeetingEvent } from '@crm/shared/zoom-connection';
import { applyAttendanceEvent, type ExpectedAttendees } from './apply-attendance-event';
import { catchUpAttendance } from './catch-up-attendance';
import { updateInterviewAttendance } from './update-interview-attendance';
import type { ZoomEventDeps } from './zoom-event-deps';

/** A meeting or participant event becomes part of the interview's attendance; meetings of no interview are ignored. */
export async function trackMeetingAttendance(deps: ZoomEventDeps, event: ZoomMeetingEvent): Promise<string> {
  const interview = await deps.interviews.findByZoomMeetingId(event.payload.object.id);
  if (!interview) return 'no_interview';
  const expected: ExpectedAttendees = {
    candidateEmail: interview.candidateEmail,
    candidateName: interview.candidateName,
    hostZoomUserIds: [interview.meeting.hostZoomUserId, event.payload.object.host_id].filter((id): id is string => Boolean(id)),
  };
  const now = deps.clock.now();
  await updateInterviewAttendance(deps.attendance, { interviewId: interview.id, zoomMeetingId: event.payload.object.id, now }, (draft) =>
    applyAttendanceEvent(draft, event, expected, now),
  );
  const { uuid } = event.payload.object;
  if (event.event === 'meeting.ended' && uuid && (await deps.attendance.find(interview.id))?.sessions.length === 0) {
    // The meeting is over and no participant event came: the events were missed, not the meeting.
    return `attendance_updated_${await catchUpAttendance(deps, interview, { id: event.payload.object.id, uuid }, expected)}`;
  }
  return 'attendance_updated';
}
