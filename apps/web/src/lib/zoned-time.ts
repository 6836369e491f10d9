const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockParts(instantMs: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = wallClockParts(instantMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * `2030-05-01T09:00` on the wall clock of `timeZone` → the UTC instant, e.g. `2030-05-01T07:00:00.000Z`
 * for Europe/Berlin. Null when the input is not a date-time or the zone is unknown.
 */
export function zonedWallTimeToInstant(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  try {
    // Two passes settle the offset on the right side of a daylight-saving change.
    const firstGuess = wall - offsetAt(wall, timeZone);
    return new Date(wall - offsetAt(firstGuess, timeZone)).toISOString();
  } catch {
    return null;
  }
}

/** The reverse, for filling a `datetime-local` input: `2030-05-01T09:00`. */
export function instantToZonedWallTime(iso: string, timeZone: string): string {
  try {
    const wall = wallClockParts(new Date(iso).getTime(), timeZone);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
  } catch {
    return '';
  }
}

/** Every IANA zone the browser knows, with the viewer's own guaranteed to be there. */
export function timeZoneOptions(viewerZone: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(viewerZone) ? zones : [viewerZone, ...zones];
}
