import type { Interview } from '@crm/shared/interviews';
import type { Feedback } from '../../../components/page-feedback';
import { formatDateTime } from '../../../lib/format-date-time';

/** What a cancellation did, including whether Zoom has caught up yet. */
export function cancelledFeedback(interview: Interview): Feedback {
  const zoom =
    interview.meeting.status === 'pending'
      ? 'Zoom has not confirmed deleting the meeting yet; it is retried automatically.'
      : 'The Zoom meeting is deleted and its links no longer work.';
  return {
    tone: 'success',
    title: 'Interview cancelled',
    text: `${interview.candidateName} with ${interview.interviewer.name}, ${formatDateTime(interview.startTime)}. ${zoom} Tick “Show cancelled” to find it again.`,
  };
}

/** What a reschedule did: the new time, and whether Zoom has it yet. */
export function rescheduledFeedback(interview: Interview): Feedback {
  const pending = interview.meeting.status === 'pending';
  return {
    tone: pending ? 'warning' : 'success',
    title: pending ? 'Interview rescheduled; Zoom not updated yet' : 'Interview rescheduled',
    text: `${interview.candidateName} now ${formatDateTime(interview.startTime)} (${interview.durationMinutes} min). ${
      pending ? 'Zoom did not answer yet; the meeting is updated automatically and keeps its links.' : 'The Zoom meeting keeps its links.'
    }`,
  };
}
