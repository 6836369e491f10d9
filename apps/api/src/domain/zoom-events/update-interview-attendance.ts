import type { InterviewAttendanceRepository } from '../ports/interview-attendance-repository';
import { emptyAttendance, type AttendanceDraft } from './apply-attendance-event';

const MAX_WRITE_CONFLICTS = 10;

/** Read, apply, compare-and-set; a concurrent writer for the same interview makes it read again. */
export async function updateInterviewAttendance(
  repository: InterviewAttendanceRepository,
  target: { interviewId: string; zoomMeetingId: string; now: Date },
  apply: (current: AttendanceDraft) => AttendanceDraft,
): Promise<void> {
  for (let attempt = 1; attempt <= MAX_WRITE_CONFLICTS; attempt += 1) {
    const stored = await repository.find(target.interviewId);
    const { version, ...draft } = stored ?? { ...emptyAttendance(target.interviewId, target.zoomMeetingId, target.now), version: null };
    if (await repository.save(apply(draft), version)) return;
  }
  throw new Error(`attendance of interview ${target.interviewId} kept changing underneath; will retry`);
}
