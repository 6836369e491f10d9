import { formatDateTime } from '../../../lib/format-date-time';
import { utcOffset, viewerTimeZoneName } from '../../../lib/time-zone-catalog';

const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

/** A moment on the wall clock of `timeZone`, with the zone's short name or offset. */
export function formatInZone(iso: string, timeZone: string): string {
  let formatter = zonedFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    } catch {
      return formatDateTime(iso);
    }
    zonedFormatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(iso));
}

/** Whether the interview's zone shows another wall clock than the viewer's at that moment. */
export function zoneDiffers(iso: string, timeZone: string, viewerZone: string = viewerTimeZoneName()): boolean {
  try {
    return utcOffset(timeZone, new Date(iso)).minutes !== utcOffset(viewerZone, new Date(iso)).minutes;
  } catch {
    return false;
  }
}

/** The start in the viewer's zone and, when its clock differs, in the interview's own zone beside it. */
export function InterviewTime({ startTime, timeZone }: { startTime: string; timeZone: string }) {
  return (
    <>
      <time dateTime={startTime}>{formatDateTime(startTime)}</time>
      {zoneDiffers(startTime, timeZone) && (
        <span className="interview-own-zone">
          {' '}
          ({formatInZone(startTime, timeZone)} in {timeZone.replace(/_/g, ' ')})
        </span>
      )}
    </>
  );
}
