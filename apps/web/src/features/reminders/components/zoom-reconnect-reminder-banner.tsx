import { zoomEndpoints } from '@crm/shared/zoom-connection';
import type { ZoomReconnectReminder } from '@crm/shared/reminders';
import { Notice } from '../../../components/notice';
import { useZoomReconnectReminders } from '../api/get-zoom-reconnect-reminders';

const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'short' });

/** "today at 10:00 CET", "tomorrow at …", else the date: in the viewer's own zone, as the rest of the app shows times. */
function whenLabel(startTime: string, now = new Date()): string {
  const start = new Date(startTime);
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const day = dayKey.format(start) === dayKey.format(now) ? 'today' : dayKey.format(start) === dayKey.format(tomorrow) ? 'tomorrow' : `on ${weekday.format(start)}`;
  return `${day} at ${time.format(start)}`;
}

function ReminderLine({ reminder }: { reminder: ZoomReconnectReminder }) {
  return (
    <li>
      Your interview with {reminder.candidateName} <time dateTime={reminder.startTime}>{whenLabel(reminder.startTime)}</time> will be hosted on the
      system account, not your own Zoom.
    </li>
  );
}

/**
 * The in-app side of the reconnect reminder: the interviewer's interviews within the reminder lead time
 * that the organisation's Zoom account will host, with the way to reconnect. Nothing when there are none.
 */
export function ZoomReconnectReminderBanner() {
  const reminders = useZoomReconnectReminders().data?.reminders ?? [];
  if (reminders.length === 0) return null;
  const reconnect = reminders.some((reminder) => reminder.zoomState === 'needs_reconnect');
  const which = reminders.length === 1 ? 'your next interview' : `your next ${reminders.length} interviews`;
  return (
    <Notice tone="warning" title={`${reconnect ? 'Reconnect' : 'Connect'} Zoom before ${which}`}>
      <ul>
        {reminders.map((reminder) => (
          <ReminderLine key={reminder.interviewId} reminder={reminder} />
        ))}
      </ul>
      <p>{reconnect ? 'Zoom no longer accepts your connection.' : 'Your Zoom account is not connected.'} Reconnect so the interviews you host run on your own Zoom account.</p>
      <p>
        {/* A top-level navigation: the API answers with a redirect to Zoom's consent page. */}
        <a className="button button-primary button-small" href={zoomEndpoints.connect.path}>
          {reconnect ? 'Reconnect Zoom' : 'Connect Zoom'}
        </a>
      </p>
    </Notice>
  );
}
