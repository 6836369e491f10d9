import { useState } from 'react';
import type { Interview } from '@crm/shared/interviews';
import { usePageFeedback } from '../../../components/page-feedback';
import { Notice } from '../../../components/notice';
import { formatDateTime } from '../../../lib/format-date-time';
import { hostReasonText } from './host-badge';
import { MeetingProblem } from './meeting-problem';

/**
 * What scheduling did, in the tone of its outcome: green only when the meeting exists, amber while Zoom
 * has not answered, red when Zoom refused; shown inside the form's live region.
 */
export function ScheduledInterviewNotice({ interview, onDismiss }: { interview: Interview; onDismiss: () => void }) {
  const { meeting } = interview;
  // A later outcome (a cancel, a reschedule) is shown at the top of the page; this one is then out of date.
  const { generation } = usePageFeedback();
  const [shownAt] = useState(generation);
  if (generation !== shownAt) return null;
  const what = `${interview.candidateName} with ${interview.interviewer.name}, ${formatDateTime(interview.startTime)}.`;
  if (meeting.status === 'failed') {
    return (
      <Notice tone="error" title="Interview saved, but Zoom refused the meeting" onDismiss={onDismiss} announce={false}>
        <p>{what}</p>
        <div>{meeting.lastError ? <MeetingProblem lastError={meeting.lastError} /> : 'Zoom refused the meeting. Press “Retry now” below.'}</div>
      </Notice>
    );
  }
  if (meeting.status === 'pending') {
    return (
      <Notice tone="warning" title="Interview saved; the Zoom meeting is not ready yet" onDismiss={onDismiss} announce={false}>
        <p>
          {what} Zoom did not answer yet; the meeting is created automatically and its link appears in the list as soon as Zoom answers.
        </p>
      </Notice>
    );
  }
  const host = hostReasonText(meeting);
  return (
    <Notice tone="success" title="Interview scheduled" onDismiss={onDismiss} announce={false}>
      <p>
        {what}{' '}
        {meeting.hostSource === 'system'
          ? `Hosted on the system account (${host ? host.charAt(0).toLowerCase() + host.slice(1) : 'the organisation’s Zoom'}).`
          : `${host}, the interviewer's own Zoom.`}
      </p>
    </Notice>
  );
}
