import { createInterviewRequestSchema, interviewListQuerySchema, timeZoneSchema, updateInterviewRequestSchema } from '../src/interviews';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A start `days` from now, on the hour in UTC (the schema allows at most a year ahead, by this clock). */
function startIn(days: number): string {
  const start = new Date(Date.now() + days * DAY_MS);
  start.setUTCMinutes(0, 0, 0);
  return start.toISOString().replace('.000Z', 'Z');
}

function validCreateRequest(): Record<string, unknown> {
  return {
    candidateName: 'Grace Hopper',
    candidateEmail: 'Grace.Hopper@Example.com',
    position: 'Compiler engineer',
    interviewerId: 'user-1',
    startTime: startIn(30).replace('Z', '+00:00'),
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
  };
}

describe('scheduling an interview', () => {
  test('when the request is complete, the email is lower-cased and agenda and notes default to empty', () => {
    expect(createInterviewRequestSchema.parse(validCreateRequest())).toMatchObject({
      candidateEmail: 'grace.hopper@example.com',
      agenda: '',
      notes: '',
    });
  });

  test.each(['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata'])('time zone %s is accepted', (zone) => {
    expect(timeZoneSchema.parse(zone)).toBe(zone);
  });

  test.each(['Mars/Olympus_Mons', 'Berlin', '+02:00', ''])('time zone "%s" is refused with an example of a valid one', (zone) => {
    const result = createInterviewRequestSchema.safeParse({ ...validCreateRequest(), timeZone: zone });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.path[0] === 'timeZone')).toBe(true);
    if (zone !== '') expect(result.error?.issues[0]?.message).toMatch(/IANA time zone such as Europe\/Berlin/);
  });

  test('when the start time has no offset, it is refused rather than read as some local time', () => {
    const result = createInterviewRequestSchema.safeParse({ ...validCreateRequest(), startTime: startIn(30).slice(0, 19) });
    expect(result.error?.issues[0]?.path).toEqual(['startTime']);
  });

  test('when the start is more than a year ahead, it is refused naming the field', () => {
    const result = createInterviewRequestSchema.safeParse({ ...validCreateRequest(), startTime: startIn(400) });
    expect(result.error?.issues[0]?.path).toEqual(['startTime']);
    expect(result.error?.issues[0]?.message).toBe('must be at most one year ahead');
  });

  test('when the duration is shorter than 5 minutes or not whole, it is refused', () => {
    expect(createInterviewRequestSchema.safeParse({ ...validCreateRequest(), durationMinutes: 4 }).success).toBe(false);
    expect(createInterviewRequestSchema.safeParse({ ...validCreateRequest(), durationMinutes: 30.5 }).success).toBe(false);
  });

  test('when the request carries a field the API does not know, it is refused instead of silently dropped', () => {
    const result = createInterviewRequestSchema.safeParse({ ...validCreateRequest(), hostEmail: 'someone@example.com' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('rescheduling an interview', () => {
  test('when nothing is sent to change, the request is refused', () => {
    expect(updateInterviewRequestSchema.safeParse({}).error?.issues[0]?.message).toBe('send at least one field to change');
  });

  test('when only the start time changes, the other fields stay absent', () => {
    const startTime = startIn(31);
    expect(updateInterviewRequestSchema.parse({ startTime })).toEqual({ startTime });
  });
});

describe('listing interviews', () => {
  test('when no query is given, upcoming interviews without cancelled ones are listed, 100 at most', () => {
    expect(interviewListQuerySchema.parse({})).toEqual({ when: 'upcoming', includeCancelled: false, limit: 100 });
  });

  test('when the limit is above 200, it is refused', () => {
    expect(interviewListQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
  });
});
