import nodeIcal, { type VEvent } from 'node-ical';

export interface ParsedInvite {
  method: string | undefined;
  event: VEvent;
  events: VEvent[];
  raw: string;
}

/** Parses with node-ical, a parser independent of the generator, and fails on anything but one calendar. */
export function parseIcs(raw: string): ParsedInvite {
  const parsed = nodeIcal.sync.parseICS(raw);
  const events = Object.values(parsed).filter((component): component is VEvent => component?.type === 'VEVENT');
  const calendar = parsed.vcalendar as { method?: string } | undefined;
  return { method: calendar?.method, event: events[0]!, events, raw };
}

/** The unfolded content line of the (first) VEVENT starting with `name` (e.g. `DTSTART`), as written. */
export function icsLine(raw: string, name: string): string | undefined {
  const event = raw.slice(raw.indexOf('BEGIN:VEVENT'));
  return event
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .find((line) => line.startsWith(`${name};`) || line.startsWith(`${name}:`));
}

/** `yyyyMMddTHHmmss` of an instant as a wall clock in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

/** node-ical gives a text property as a string, or as { params, val } when it carries parameters. */
export function icsText(property: unknown): string {
  return typeof property === 'string' ? property : (property as { val: string }).val;
}
