import type { Interview, ZoomMeetingNoticeView } from '@crm/shared/interviews';
import { StatusPill } from '../../../components/status-pill';
import { formatDateTime } from '../../../lib/format-date-time';

function describeChange(change: ZoomMeetingNoticeView['changes'][number]): string {
  switch (change.field) {
    case 'startTime':
      return `time moved from ${formatDateTime(change.from)} to ${formatDateTime(change.to)}`;
    case 'durationMinutes':
      return `duration ${change.from ?? '?'} → ${change.to} min`;
    case 'timeZone':
      return `time zone ${change.from ?? '?'} → ${change.to}`;
    case 'topic':
      return `topic now "${change.to}"`;
  }
}

/** The latest change made to the meeting in Zoom itself, so recruiters are not surprised by it. */
export function ZoomChangeNotice({ notices }: { notices: Interview['zoomNotices'] }) {
  const latest = notices?.at(-1);
  if (!latest) return null;
  const who = latest.by ? ` by ${latest.by}` : ' by the host';
  return (
    <p className="zoom-change-notice">
      {latest.kind === 'deleted_in_zoom' ? (
        <>
          <StatusPill tone="danger">Deleted in Zoom</StatusPill> The meeting was deleted in Zoom{who}. Reschedule to create a new one, or cancel the
          interview.
        </>
      ) : (
        <>
          <StatusPill tone="warning">Changed in Zoom</StatusPill> Changed in Zoom{who}: {latest.changes.map(describeChange).join('; ')}.
        </>
      )}
    </p>
  );
}
