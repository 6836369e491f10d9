import type { AttendanceState, Interview } from '@crm/shared/interviews';
import { StatusPill, type StatusTone } from '../../../components/status-pill';
import { formatDateTime } from '../../../lib/format-date-time';

const STATES: Record<Exclude<AttendanceState, 'not_started'>, { tone: StatusTone; label: string }> = {
  in_progress: { tone: 'info', label: 'Live' },
  completed: { tone: 'success', label: 'Completed' },
  candidate_no_show: { tone: 'warning', label: 'Candidate no-show' },
  interviewer_no_show: { tone: 'danger', label: 'Interviewer no-show' },
};

/** What Zoom reported about the meeting: live, completed, a no-show, and whether the candidate is waiting. */
export function AttendanceBadge({ attendance }: { attendance: Interview['attendance'] }) {
  if (!attendance) return null;
  const state = attendance.state === 'not_started' ? null : STATES[attendance.state];
  const joined =
    attendance.candidateJoinedAt &&
    `Candidate joined ${formatDateTime(attendance.candidateJoinedAt)}${attendance.candidateMatchedBy === 'name' ? ' (recognised by name)' : ''}`;
  return (
    <span className="attendance-status">
      {state && (
        <StatusPill tone={state.tone} title={joined ?? undefined}>
          {state.label}
        </StatusPill>
      )}
      {attendance.candidateWaiting && (
        <StatusPill tone="warning" title={attendance.candidateWaitingSince ? `Waiting since ${formatDateTime(attendance.candidateWaitingSince)}` : undefined}>
          Candidate waiting
        </StatusPill>
      )}
    </span>
  );
}
