import type { HostReason, Meeting } from '@crm/shared/interviews';

const FALLBACK_REASON: Record<Exclude<HostReason, 'connected'>, string> = {
  not_connected: 'The interviewer has not connected Zoom',
  needs_reconnect: "The interviewer's Zoom connection needs to be reconnected",
  interviewer_token_rejected: "Zoom stopped accepting the interviewer's connection",
  interviewer_daily_limit: "The interviewer's Zoom account reached its daily meeting limit",
  interviewer_refresh_failed: "The interviewer's Zoom connection could not be refreshed",
  interviewer_disconnected: "The interviewer's Zoom connection ended, so the meeting moved here",
};

export function hostReasonText(meeting: Pick<Meeting, 'hostSource' | 'hostReason' | 'hostZoomEmail'>): string | null {
  if (meeting.hostSource === 'interviewer') {
    return meeting.hostZoomEmail ? `Hosted by ${meeting.hostZoomEmail}` : "Hosted on the interviewer's own Zoom";
  }
  if (meeting.hostSource === 'system') {
    return meeting.hostReason && meeting.hostReason !== 'connected'
      ? FALLBACK_REASON[meeting.hostReason]
      : "Hosted on the organisation's Zoom account";
  }
  return null;
}

/** Whose Zoom account hosts the meeting, and — for the system account — why, visible beside the badge. */
export function HostBadge({ meeting }: { meeting: Meeting }) {
  if (!meeting.hostSource) return null;
  const reason = hostReasonText(meeting);
  const own = meeting.hostSource === 'interviewer';
  return (
    <span className="host">
      <span className={`badge ${own ? 'badge-own' : 'badge-system'}`} title={reason ?? undefined}>
        {own ? "Interviewer's Zoom" : 'System account'}
      </span>
      {reason && <span className="host-reason">{reason}</span>}
    </span>
  );
}
