import type { ZoomMeetingEvent } from '@crm/shared/zoom-connection';
import type { InterviewAttendanceRepository } from '../ports/interview-attendance-repository';
import { applyAttendanceEvent, emptyAttendance, type AttendanceDraft, type ExpectedAttendees } from './apply-attendance-event';
import type { ZoomEventDeps } from './zoom-event-deps';

const MAX_WRITE_CONFLICTS = 10;

/** Read, apply, compare-and-set; a concurrent writer for the same interview makes it read again. */
async function updateAttendance(
  repository: InterviewAttendanceRepository,
  interviewId: string,
  zoomMeetingId: string,
  apply: (current: AttendanceDraft) => AttendanceDraft,
  now: Date,
): Promise<void> {
  for (let attempt = 1; attempt <= MAX_WRITE_CONFLICTS; attempt += 1) {
    const stored = await repository.find(interviewId);
    const current = stored ?? { ...emptyAttendance(interviewId, zoomMeetingId, now), version: null };
    const { version, ...draft } = current;
    if (await repository.save(apply(draft), version)) return;
  }
  throw new Error(`attendance of interview ${interviewId} kept changing underneath; will retry`);
}

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
  await updateAttendance(deps.attendance, interview.id, event.payload.object.id, (draft) => applyAttendanceEvent(draft, event, expected, now), now);
  return 'attendance_updated';
}
