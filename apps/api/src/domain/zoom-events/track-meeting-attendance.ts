import type { ZoomMeetingEvent } from '@crm/shared/zoom-connection';
import { recordZoomEventApplied } from '../audit/record-zoom-event-applied';
import { applyAttendanceEvent, recognise, type ExpectedAttendees } from './apply-attendance-event';
import { catchUpAttendance } from './catch-up-attendance';
import { updateInterviewAttendance } from './update-interview-attendance';
import { zoomEventAuditDeps, type ZoomEventDeps } from './zoom-event-deps';

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
  const { uuid, participant } = event.payload.object;
  let outcome = 'attendance_updated';
  if (event.event === 'meeting.ended' && uuid && (await deps.attendance.find(interview.id))?.sessions.length === 0) {
    // The meeting is over and no participant event came: the events were missed, not the meeting.
    outcome = `attendance_updated_${await catchUpAttendance(deps, interview, { id: event.payload.object.id, uuid }, expected)}`;
  }
  const who = participant ? { participantName: participant.user_name ?? null, participantRole: recognise(participant, expected).role } : {};
  await recordZoomEventApplied(zoomEventAuditDeps(deps), { zoomEvent: event.event, outcome, interview, details: who });
  return outcome;
}
