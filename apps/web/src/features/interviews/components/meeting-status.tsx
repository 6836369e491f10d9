import type { Meeting } from '@crm/shared/interviews';
import { StatusPill } from '../../../components/status-pill';
import { formatDateTime } from '../../../lib/format-date-time';
import { MeetingProblem } from './meeting-problem';

const PENDING_WHAT: Record<NonNullable<Meeting['pendingAction']>, string> = {
  create: 'Creating the Zoom meeting',
  update: 'Updating the Zoom meeting',
  delete: 'Deleting the Zoom meeting',
};

/** Only shown when something is not settled: pending, failed or cancelled. */
export function MeetingStatus({ meeting }: { meeting: Meeting }) {
  if (meeting.status === 'scheduled') return null;
  if (meeting.status === 'cancelled') return <StatusPill tone="neutral">Cancelled</StatusPill>;
  if (meeting.status === 'pending' && meeting.lastError?.code === 'meeting_not_deleted') {
    // Not a quiet "pending": the candidate's old join link may still open until this is resolved.
    return (
      <span className="meeting-status">
        <StatusPill tone="danger">Zoom meeting could not be deleted</StatusPill>
        <span className="host-reason">
          {meeting.lastError.message}
          {meeting.nextAttemptAt ? ` Next try ${formatDateTime(meeting.nextAttemptAt)}.` : ''}
        </span>
      </span>
    );
  }
  if (meeting.status === 'pending') {
    const what = meeting.pendingAction ? PENDING_WHAT[meeting.pendingAction] : 'Waiting for Zoom';
    return (
      <span className="meeting-status">
        <StatusPill tone="info">Meeting pending</StatusPill>
        <span className="host-reason">
          {what}; Zoom did not answer yet
          {meeting.nextAttemptAt ? `, next try ${formatDateTime(meeting.nextAttemptAt)}` : ''}.
        </span>
      </span>
    );
  }
  if (meeting.lastError?.code === 'no_fallback_host_free') {
    // Not Zoom refusing: the organisation's fallback hosts are all busy then, and the recruiter can free one.
    return (
      <span className="meeting-status">
        <StatusPill tone="warning">No fallback host free</StatusPill>
        <span className="host-reason">
          <MeetingProblem lastError={meeting.lastError} />
        </span>
      </span>
    );
  }
  return (
    <span className="meeting-status">
      <StatusPill tone="danger">Meeting failed</StatusPill>
      <span className="host-reason">
        {meeting.lastError ? <MeetingProblem lastError={meeting.lastError} /> : 'Zoom refused to create the meeting. Use “Retry now” once the cause is fixed.'}
      </span>
    </span>
  );
}
