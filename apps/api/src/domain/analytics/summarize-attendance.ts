import type { AttendanceAnalytics } from '@crm/shared/interviews';
import type { InterviewAttendanceRepository } from '../ports/interview-attendance-repository';
import type { InterviewRecordingRepository } from '../ports/interview-recording-repository';
import type { InterviewRepository } from '../ports/interview-repository';
import { deriveAttendanceState } from '../zoom-events/derive-attendance-state';

/** Enough for a month of interviews; the window is read in one list call. */
const MAX_INTERVIEWS = 20_000;

export interface AttendanceAnalyticsDeps {
  interviews: Pick<InterviewRepository, 'list'>;
  attendance: Pick<InterviewAttendanceRepository, 'findMany'>;
  recordings: Pick<InterviewRecordingRepository, 'listRecordedSince'>;
}

export function emptyAttendanceAnalytics(): AttendanceAnalytics {
  return { interviews: 0, tracked: 0, candidateNoShows: 0, interviewerNoShows: 0, candidateNoShowRate: 0, interviewerNoShowRate: 0, recordings: 0 };
}

function withRates(counts: AttendanceAnalytics): AttendanceAnalytics {
  return {
    ...counts,
    candidateNoShowRate: counts.tracked === 0 ? 0 : counts.candidateNoShows / counts.tracked,
    interviewerNoShowRate: counts.tracked === 0 ? 0 : counts.interviewerNoShows / counts.tracked,
  };
}

/**
 * Per interviewer and in all, over interviews that started since `since` and have ended, cancelled ones
 * left out: how many Zoom reported on, the candidate and interviewer no-shows among them, and recordings.
 * An interview without any Zoom report is counted as held but not tracked: missing events are not a no-show.
 */
export async function summarizeAttendance(deps: AttendanceAnalyticsDeps, since: Date, now: Date): Promise<{ byInterviewer: Map<string, AttendanceAnalytics>; total: AttendanceAnalytics }> {
  const held = (await deps.interviews.list({ when: 'past', now, includeCancelled: false, limit: MAX_INTERVIEWS })).filter(
    (interview) => interview.status !== 'cancelled' && interview.startTime.getTime() >= since.getTime(),
  );
  const [attendances, recorded] = await Promise.all([deps.attendance.findMany(held.map((interview) => interview.id)), deps.recordings.listRecordedSince(since)]);
  const attendanceOf = new Map(attendances.map((attendance) => [attendance.interviewId, attendance]));
  const recordedIds = new Set(recorded.map((row) => row.interviewId));
  const byInterviewer = new Map<string, AttendanceAnalytics>();
  const total = emptyAttendanceAnalytics();
  for (const interview of held) {
    const row = byInterviewer.get(interview.interviewerId) ?? emptyAttendanceAnalytics();
    byInterviewer.set(interview.interviewerId, row);
    const attendance = attendanceOf.get(interview.id);
    const state = attendance ? deriveAttendanceState(attendance, interview.startTime, now) : null;
    for (const counts of [row, total]) {
      counts.interviews += 1;
      if (state && state !== 'not_started') counts.tracked += 1;
      if (state === 'candidate_no_show') counts.candidateNoShows += 1;
      if (state === 'interviewer_no_show') counts.interviewerNoShows += 1;
      if (recordedIds.has(interview.id)) counts.recordings += 1;
    }
  }
  return { byInterviewer: new Map([...byInterviewer].map(([id, counts]) => [id, withRates(counts)])), total: withRates(total) };
}
