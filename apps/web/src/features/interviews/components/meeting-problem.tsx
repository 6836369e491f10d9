import type { Meeting } from '@crm/shared/interviews';

// What each of the API's meeting error codes means for a recruiter, and what they can do about it.
const SENTENCES: Record<string, string> = {
  zoom_invalid_request: 'Zoom did not accept the meeting settings. Check the date, duration and agenda, then reschedule or press “Retry now”.',
  zoom_forbidden: 'The Zoom account is not allowed to create this meeting. Ask an admin to check the Zoom app’s permissions, then press “Retry now”.',
  zoom_not_found: 'Zoom does not know the host account. Ask an admin to check the system account’s Zoom user, then press “Retry now”.',
  zoom_conflict: 'Zoom would not change the meeting right now (it may be in progress). Try again later.',
  zoom_not_configured: 'The organisation’s Zoom app is not set up correctly. Ask an admin to fix it, then press “Retry now”.',
  zoom_rejected_token: 'Zoom no longer accepts the connection used for this meeting. The interviewer should reconnect Zoom; then press “Retry now”.',
  zoom_invalid_grant: 'Zoom no longer accepts the connection used for this meeting. The interviewer should reconnect Zoom; then press “Retry now”.',
  zoom_unavailable: 'Zoom is not reachable right now. The meeting is created automatically as soon as it is.',
  zoom_rate_limited: 'Zoom is busy right now. The meeting is created automatically in a moment.',
  zoom_daily_limit: 'The Zoom host reached its daily meeting limit. The meeting is created automatically when the limit resets.',
  zoom_outcome_unknown: 'Zoom did not confirm the meeting. It is checked and finished automatically.',
  interview_ended: 'The interview is already over, so the meeting was not created.',
  no_fallback_host_free:
    'The interview is saved, but every fallback Zoom host already has a meeting at this time. It gets its meeting automatically as soon as a host is free at this time. To free one now: move this interview or another fallback interview, cancel one, or ask the interviewer to connect their own Zoom.',
};

/** A sentence a recruiter can act on for the meeting's last error. */
export function meetingProblemSentence(lastError: NonNullable<Meeting['lastError']>): string {
  return SENTENCES[lastError.code] ?? 'Zoom refused the meeting. Press “Retry now”, or reschedule; if it keeps failing, ask an admin with the details below.';
}

/** The sentence, with Zoom's own code and wording kept one click away for whoever investigates. */
export function MeetingProblem({ lastError }: { lastError: NonNullable<Meeting['lastError']> }) {
  return (
    <>
      <span>{meetingProblemSentence(lastError)}</span>{' '}
      <details className="problem-details">
        <summary>Details</summary>
        <code>{lastError.code}</code>: {lastError.message}
      </details>
    </>
  );
}
