import type { MeetingAnalyticsResponse, MeetingAnalyticsRow } from '@crm/shared/interviews';
import type { InterviewRepository } from '../ports/interview-repository';
import type { UserRepository } from '../ports/user-repository';
import { emptyAttendanceAnalytics, summarizeAttendance, type AttendanceAnalyticsDeps } from './summarize-attendance';

const WINDOW_DAYS = 30;

/**
 * Per interviewer, meetings created in the last 30 days on their own Zoom account versus the
 * organisation's. Counts meetings when Zoom created them; cancelled interviews are left out (they were not held).
 */
export async function summarizeMeetingHosts(
  deps: { interviews: InterviewRepository; users: UserRepository } & Omit<AttendanceAnalyticsDeps, 'interviews'>,
  now: Date,
): Promise<MeetingAnalyticsResponse> {
  const since = new Date(now.getTime() - WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [counts, interviewers, attendance] = await Promise.all([deps.interviews.countMeetingHosts(since), deps.users.list(), summarizeAttendance(deps, since, now)]);
  const rows = new Map<string, MeetingAnalyticsRow>();
  for (const user of interviewers) {
    if (user.role !== 'interviewer') continue;
    rows.set(user.id, {
      interviewer: { id: user.id, name: user.name, email: user.email },
      zoomConnectionState: user.zoomConnectionState,
      ownAccount: 0,
      systemAccount: 0,
      fallbackReasons: {},
      attendance: attendance.byInterviewer.get(user.id) ?? emptyAttendanceAnalytics(),
    });
  }
  for (const count of counts) {
    const row = rows.get(count.interviewerId);
    if (!row) continue;
    if (count.hostSource === 'interviewer') {
      row.ownAccount += count.count;
    } else {
      row.systemAccount += count.count;
      const reason = count.hostReason ?? 'unknown';
      row.fallbackReasons[reason] = (row.fallbackReasons[reason] ?? 0) + count.count;
    }
  }
  const list = [...rows.values()].sort((a, b) => b.ownAccount + b.systemAccount - (a.ownAccount + a.systemAccount) || a.interviewer.name.localeCompare(b.interviewer.name));
  return {
    since: since.toISOString(),
    until: now.toISOString(),
    rows: list,
    totals: { ownAccount: list.reduce((sum, row) => sum + row.ownAccount, 0), systemAccount: list.reduce((sum, row) => sum + row.systemAccount, 0) },
    attendance: attendance.total,
  };
}
