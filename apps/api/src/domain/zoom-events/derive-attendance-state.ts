import type { AttendanceState, InterviewAttendanceView, ZoomMeetingNoticeView } from '@crm/shared/interviews';
import type { InterviewAttendance } from '../ports/interview-attendance-repository';

/** A candidate (or interviewer) this late without joining counts as not having come. */
export const NO_SHOW_AFTER_MS = 15 * 60 * 1000;

function minutesIn(attendance: InterviewAttendance, role: 'host' | 'candidate', now: Date): number {
  let ms = 0;
  for (const session of attendance.sessions) {
    if (session.role !== role) continue;
    const until = session.leftAt ?? attendance.endedAt ?? now;
    ms += Math.max(0, until.getTime() - session.joinedAt.getTime());
  }
  return Math.round(ms / 60_000);
}

/**
 * What the recruiter sees: `completed` once the meeting ended with both there; a no-show once the meeting
 * ended, or 15 minutes passed since the scheduled start, without that person.
 */
export function deriveAttendanceState(attendance: InterviewAttendance, scheduledStart: Date, now: Date): AttendanceState {
  const late = now.getTime() >= scheduledStart.getTime() + NO_SHOW_AFTER_MS;
  const over = attendance.endedAt !== null;
  if (!attendance.hostJoinedAt && (over || late)) return 'interviewer_no_show';
  if (!attendance.candidateJoinedAt && (over || late)) return 'candidate_no_show';
  if (over) return 'completed';
  if (attendance.hostJoinedAt || attendance.candidateJoinedAt || attendance.startedAt) return 'in_progress';
  return 'not_started';
}

export function presentAttendance(attendance: InterviewAttendance, scheduledStart: Date, now: Date): InterviewAttendanceView {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    state: deriveAttendanceState(attendance, scheduledStart, now),
    candidateWaiting: attendance.candidateWaitingSince !== null && attendance.endedAt === null,
    candidateWaitingSince: iso(attendance.endedAt === null ? attendance.candidateWaitingSince : null),
    startedAt: iso(attendance.startedAt),
    endedAt: iso(attendance.endedAt),
    hostJoinedAt: iso(attendance.hostJoinedAt),
    candidateJoinedAt: iso(attendance.candidateJoinedAt),
    candidateMatchedBy: attendance.candidateMatchedBy,
    hostMinutes: minutesIn(attendance, 'host', now),
    candidateMinutes: minutesIn(attendance, 'candidate', now),
    participants: attendance.sessions.map((s) => ({ name: s.name, role: s.role, joinedAt: s.joinedAt.toISOString(), leftAt: iso(s.leftAt) })),
  };
}

/** Whether Zoom reported anyone or anything in the meeting yet (a record may hold only notices of edits). */
export function hasAttendance(attendance: InterviewAttendance): boolean {
  return attendance.startedAt !== null || attendance.endedAt !== null || attendance.candidateWaitingSince !== null || attendance.sessions.length > 0;
}

export function presentZoomNotices(attendance: InterviewAttendance): ZoomMeetingNoticeView[] {
  return attendance.zoomNotices.map((notice) => ({ kind: notice.kind, at: notice.at.toISOString(), by: notice.by, changes: notice.changes.map((c) => ({ ...c })) }));
}
