import type { ZoomMeetingEvent } from '@crm/shared/zoom-connection';
import { applyAttendanceEvent, type ExpectedAttendees } from './apply-attendance-event';
import { updateInterviewAttendance } from './update-interview-attendance';
import type { ZoomEventDeps } from './zoom-event-deps';

/** A meeting or participant event becomes part of the interview's attendance; meetings of no interview are ignored. */
export async function trackMeetingAttendance(deps: ZoomEventDeps, event: ZoomMeetingEvent): Promise<'attendance_updated' | 'no_interview'> {
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
  return 'attendance_updated';
}
