/**
 * Old IANA names browsers still list (ICU follows CLDR, which kept them) → the names people search for.
 * Both spellings are valid zones; the picker offers the current one and finds it by either.
 */
const CURRENT_NAME: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
  GMT: 'UTC',
};

/** The current IANA name of a zone (Asia/Calcutta → Asia/Kolkata); unknown names come back as they are. */
export function canonicalTimeZone(zone: string): string {
  return CURRENT_NAME[zone] ?? zone;
}

export interface TimeZoneChoice {
  /** The IANA name sent to the API, e.g. `Asia/Kolkata`. */
  id: string;
  /** `UTC+05:30` at the moment the list was built (daylight saving moves it). */
  offset: string;
  offsetMinutes: number;
  /** Lower-case text a search matches: name, spaced name, offset, and any old name. */
  searchText: string;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

// Only the part of Temporal used here (TypeScript's lib has no Temporal types yet).
interface TemporalOffsets {
  Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(zone: string): { offset: string } } };
}
const temporal = (globalThis as { Temporal?: TemporalOffsets }).Temporal;

/** The zone's offset at `at` as the browser names it: `+05:30` from Temporal, `GMT+05:30` (or `GMT`) from Intl. */
function offsetName(zone: string, at: Date): string {
  // Temporal answers in about 2 µs a zone; an Intl formatter costs about 0.25 ms to create, so the ~420 of
  // the zone list blocked the main thread for 100 ms and more on the dashboard's first render.
  if (temporal) return temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone).offset;
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, formatter);
  }
  return formatter.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
}

/** The zone's UTC offset at `at`, as `UTC+05:30` (`UTC+00:00` when zero, whatever the browser calls it), and in minutes. */
export function utcOffset(zone: string, at: Date): { label: string; minutes: number } {
  const match = /^(?:GMT)?([+-])(\d{2}):(\d{2})/.exec(offsetName(zone, at));
  if (!match) return { label: 'UTC+00:00', minutes: 0 };
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return { label: `UTC${match[1]}${match[2]}:${match[3]}`, minutes };
}

/**
 * Every zone the browser knows under its current name, plus `UTC`, ordered by offset then name. `include`
 * (the viewer's zone, an interview's saved zone) is always there even if the browser does not list it.
 */
export function timeZoneCatalog(at: Date, include: string[] = []): TimeZoneChoice[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const oldNames = new Map<string, string[]>();
  for (const [old, current] of Object.entries(CURRENT_NAME)) oldNames.set(current, [...(oldNames.get(current) ?? []), old]);
  const ids = new Set(['UTC', ...listed.map(canonicalTimeZone), ...include]);
  const choices: TimeZoneChoice[] = [];
  for (const id of ids) {
    let offset: { label: string; minutes: number };
    try {
      offset = utcOffset(id, at);
    } catch {
      continue; // a name this browser cannot place
    }
    const words = [id, id.replace(/_/g, ' '), offset.label, offset.label.replace(/^UTC/, 'GMT'), ...(oldNames.get(id) ?? [])];
    choices.push({ id, offset: offset.label, offsetMinutes: offset.minutes, searchText: words.join(' ').toLowerCase() });
  }
  return choices.sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id));
}

/** How well a choice's own name fits the query: 0 exactly (the zone or its city), 1 within the name, 2 elsewhere (offset, old name). */
function nameFit(choice: TimeZoneChoice, query: string): number {
  const id = choice.id.toLowerCase();
  const city = id.slice(id.lastIndexOf('/') + 1).replace(/_/g, ' ');
  if (id === query || city === query) return 0;
  return id.replace(/_/g, ' ').includes(query) ? 1 : 2;
}

/**
 * Choices whose name, offset or old name contains every word of the query ("kolkata", "utc+5", "new york"),
 * the ones named so first (a search for "UTC" starts with UTC itself, not every UTC+ offset).
 */
export function searchTimeZones(choices: TimeZoneChoice[], query: string): TimeZoneChoice[] {
  const normalized = query.trim().toLowerCase();
  const words = normalized.split(/\s+/).filter(Boolean);
  if (words.length === 0) return choices;
  const found = choices.filter((choice) => words.every((word) => choice.searchText.includes(word)));
  return found
    .map((choice, index) => ({ choice, index, fit: nameFit(choice, normalized) }))
    .sort((a, b) => a.fit - b.fit || a.index - b.index)
    .map(({ choice }) => choice);
}

/** The zone a search clearly means: the only match, or the one it names exactly ("Kolkata", "UTC"). */
export function zoneNamedBy(choices: TimeZoneChoice[], query: string): TimeZoneChoice | null {
  const found = searchTimeZones(choices, query);
  if (found.length === 1) return found[0]!;
  const first = found[0];
  return first && nameFit(first, query.trim().toLowerCase()) === 0 ? first : null;
}

/** The viewer's zone under its current name. */
export function viewerTimeZoneName(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
}
