import request from 'supertest';
import { createZoomSimulator, type DailyLimitResponseShape } from '../src/index';
import { connectUser, IVY, testClock, validMeetingBody, type SimulatorTarget } from './support/oauth-flow';

const createMeeting = (app: SimulatorTarget, token: string) =>
  request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${token}`).send(validMeetingBody());

/** One meeting allowed per day; the clock stands at 2030-01-15T12:00:00Z, twelve hours before the reset. */
async function overTheCap(dailyLimitResponse?: DailyLimitResponseShape) {
  const clock = testClock();
  const { app, control } = createZoomSimulator({ now: clock.now, dailyMeetingLimitPerHost: 1, ...(dailyLimitResponse ? { dailyLimitResponse } : {}) });
  const { access_token } = await connectUser(app, IVY.id);
  await createMeeting(app, access_token).expect(201);
  return { app, control, response: await createMeeting(app, access_token) };
}

describe('the daily meeting create/update cap, in each shape Zoom answers it', () => {
  test('retry-after-timestamp: 429 with Retry-After as the next 00:00 UTC and the Daily-limit headers, as Zoom’s rate-limit guide shows', async () => {
    const { response } = await overTheCap('retry-after-timestamp');

    expect(response.status).toBe(429);
    expect(response.headers).toMatchObject({
      'retry-after': '2030-01-16T00:00:00Z',
      'x-ratelimit-type': 'Daily-limit',
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
    });
    expect(response.body).toEqual({
      code: 429,
      message: 'You have exceeded the daily rate limit (1) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.',
    });
  });

  test('no-retry-after: 429 with no Retry-After, as developers have seen on the wire', async () => {
    const { response } = await overTheCap('no-retry-after');

    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.body.message).toContain('You may resume these requests at GMT 00:00:00.');
  });

  test('code-300: HTTP 300 with code 300, as the meeting endpoints’ reference lists it', async () => {
    const { response } = await overTheCap('code-300');

    expect(response.status).toBe(300);
    expect(response.body).toEqual({ code: 300, message: 'A maximum of 1 meetings can be created/updated for a single user in one day.' });
  });

  test('retry-after-seconds (the simulator\'s original shape, LENIENT_POLICY): 429 with Retry-After in seconds until 00:00 UTC', async () => {
    const { response } = await overTheCap('retry-after-seconds');

    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe(String(12 * 60 * 60));
  });

  test('the shape is chosen at run time, and an unknown shape is refused', async () => {
    const { app, control } = await overTheCap();
    const { access_token } = await connectUser(app, IVY.id);

    control.setPolicy({ dailyLimitResponse: 'code-300' });
    const switched = await createMeeting(app, access_token);
    const refused = await request(app).post('/__sim/policy').send({ dailyLimitResponse: 'teapot' });

    expect(switched.status).toBe(300);
    expect(refused.status).toBe(400);
  });
});
