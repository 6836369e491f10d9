import type { Interview } from '@crm/shared/interviews';
import { Notice } from '../../../components/notice';
import { formatDateTime } from '../../../lib/format-date-time';
import { hostReasonText } from './host-badge';

/** What scheduling did, including where the meeting landed or why it has not yet; shown inside the form's live region. */
export function ScheduledInterviewNotice({ interview, onDismiss }: { interview: Interview; onDismiss: () => void }) {
  const { meeting } = interview;
  return (
    <Notice tone="success" title="Interview scheduled" onDismiss={onDismiss} announce={false}>
      <p>
        {interview.candidateName} with {interview.interviewer.name}, {formatDateTime(interview.startTime)}.{' '}
        {meeting.status === 'pending'
          ? 'Zoom did not answer yet; the meeting link will appear as soon as it does.'
          : meeting.status === 'failed'
            ? `Zoom refused the meeting: ${meeting.lastError?.message ?? 'unknown reason'}.`
            : meeting.hostSource === 'system'
              ? `Hosted on the System account: ${hostReasonText(meeting)}.`
              : `${hostReasonText(meeting)}, the interviewer's own Zoom.`}
      </p>
    </Notice>
  );
}
