// Chromium has Temporal, Node 20 (the other tests) has not: this runs the catalog's Temporal path with a
// stand-in that answers offsets the way Temporal does (`+05:30`, `-03:30`, `+00:00`; RangeError for an unknown zone).
import type * as TimeZoneCatalog from '../../src/lib/time-zone-catalog';

type CatalogModule = typeof TimeZoneCatalog;

function temporalOffset(zone: string, ms: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

describe('time zone catalog where the browser has Temporal', () => {
  const asked: string[] = [];
  let catalogModule: CatalogModule;

  beforeAll(() => {
    (globalThis as { Temporal?: unknown }).Temporal = {
      Instant: {
        fromEpochMilliseconds: (ms: number) => ({
          toZonedDateTimeISO: (zone: string) => {
            asked.push(zone);
            return { offset: temporalOffset(zone, ms) };
          },
        }),
      },
    };
    jest.isolateModules(() => {
      catalogModule = jest.requireActual<CatalogModule>('../../src/lib/time-zone-catalog');
    });
  });

  afterAll(() => {
    delete (globalThis as { Temporal?: unknown }).Temporal;
  });

  test('offsets come from Temporal, in the same labels and minutes as from Intl', () => {
    const winter = new Date('2030-01-15T12:00:00Z');
    expect(catalogModule.utcOffset('Asia/Kolkata', winter)).toEqual({ label: 'UTC+05:30', minutes: 330 });
    expect(catalogModule.utcOffset('America/St_Johns', winter)).toEqual({ label: 'UTC-03:30', minutes: -210 });
    expect(catalogModule.utcOffset('UTC', winter)).toEqual({ label: 'UTC+00:00', minutes: 0 });
    expect(catalogModule.utcOffset('Europe/Berlin', new Date('2030-07-15T12:00:00Z')).label).toBe('UTC+02:00');
    expect(asked).toEqual(['Asia/Kolkata', 'America/St_Johns', 'UTC', 'Europe/Berlin']);
  });

  test('the catalog built through Temporal matches the Intl one, and skips a zone Temporal cannot place', () => {
    const at = new Date('2030-01-15T12:00:00Z');
    const viaTemporal = catalogModule.timeZoneCatalog(at, ['Not/A_Zone']);
    let viaIntl: ReturnType<CatalogModule['timeZoneCatalog']> = [];
    const temporal = (globalThis as { Temporal?: unknown }).Temporal;
    delete (globalThis as { Temporal?: unknown }).Temporal;
    jest.isolateModules(() => {
      viaIntl = jest.requireActual<CatalogModule>('../../src/lib/time-zone-catalog').timeZoneCatalog(at);
    });
    (globalThis as { Temporal?: unknown }).Temporal = temporal;
    expect(viaTemporal.map((choice) => choice.id)).not.toContain('Not/A_Zone');
    expect(viaTemporal).toEqual(viaIntl);
  });
});
