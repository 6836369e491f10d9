import { createInterviewRequestSchema, interviewListQuerySchema, timeZoneSchema, updateInterviewRequestSchema } from '../src/interviews';

function validCreateRequest(): Record<string, unknown> {
  return {
    candidateName: 'Grace Hopper',
    candidateEmail: 'Grace.Hopper@Example.com',
    position: 'Compiler engineer',
    interviewerId: 'user-1',
    startTime: '2030-05-01T09:00:00+02:00',
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
    const result = createInterviewRequestSchema.safeParse({ ...validCreateRequest(), startTime: '2030-05-01T09:00:00' });
    expect(result.error?.issues[0]?.path).toEqual(['startTime']);
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
    expect(updateInterviewRequestSchema.parse({ startTime: '2030-05-02T10:00:00Z' })).toEqual({ startTime: '2030-05-02T10:00:00Z' });
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
