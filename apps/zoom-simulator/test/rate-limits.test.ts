import request from 'supertest';
import { createZoomSimulator, LENIENT_POLICY, startZoomSimulator, ZOOM_FAITHFUL_OPTIONS } from '../src/index';
import { connectUser, FELIX, IAN, IVY, testClock, validMeetingBody, type SimulatorTarget } from './support/oauth-flow';

const createMeeting = (app: SimulatorTarget, token: string) =>
  request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${token}`).send(validMeetingBody());
const me = (app: SimulatorTarget, token: string) => request(app).get('/v2/users/me').set('Authorization', `Bearer ${token}`);

async function inSequence<T>(count: number, call: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += 1) results.push(await call());
  return results;
}

describe('per-second rate limits', () => {
  test('on the Pro plan, the 21st meeting create in one second gets 429 with Zoom’s QPS headers, and the next second it works', async () => {
    const clock = testClock();
    const { app } = createZoomSimulator({ ...ZOOM_FAITHFUL_OPTIONS, now: clock.now });
    const { access_token } = await connectUser(app, IVY.id);

    const allowed = await inSequence(20, () => createMeeting(app, access_token));
    const limited = await createMeeting(app, access_token);
    clock.advance(1000);
    const nextSecond = await createMeeting(app, access_token);

    expect(allowed.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' });
    expect(limited.headers).toMatchObject({
      'x-ratelimit-category': 'Medium',
      'x-ratelimit-type': 'QPS',
      'x-ratelimit-limit': '20',
      'x-ratelimit-remaining': '0',
      'retry-after': '1',
    });
    expect(nextSecond.status).toBe(201);
  });

  test('answers within the limit carry the category, limit and what remains of this second', async () => {
    const clock = testClock();
    const { app } = createZoomSimulator({ ...ZOOM_FAITHFUL_OPTIONS, now: clock.now });
    const { access_token } = await connectUser(app, IVY.id);

    const first = await me(app, access_token);
    const second = await me(app, access_token);

    expect(first.headers).toMatchObject({ 'x-ratelimit-category': 'Light', 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '29' });
    expect(second.headers['x-ratelimit-remaining']).toBe('28');
    expect(first.headers['x-ratelimit-type']).toBeUndefined();
  });

  test('the limit is per account and per category: all users of an account share it, another account and another category do not', async () => {
    const clock = testClock();
    const { app } = createZoomSimulator({ ...ZOOM_FAITHFUL_OPTIONS, now: clock.now });
    const ivy = await connectUser(app, IVY.id);
    const ian = await connectUser(app, IAN.id);
    const felix = await connectUser(app, FELIX.id);

    await inSequence(15, () => me(app, ivy.access_token));
    await inSequence(15, () => me(app, ian.access_token));
    const sameAccount = await me(app, ivy.access_token);
    const otherAccount = await me(app, felix.access_token);
    const otherCategory = await createMeeting(app, ian.access_token);

    expect(sameAccount.status).toBe(429);
    expect(sameAccount.headers['x-ratelimit-category']).toBe('Light');
    expect(otherAccount.status).toBe(200);
    expect(otherCategory.status).toBe(201);
  });

  test('the plan is chosen at run time over HTTP: Free allows 2 creates a second, Business 80 Light calls', async () => {
    const clock = testClock();
    const { app } = createZoomSimulator({ ...ZOOM_FAITHFUL_OPTIONS, now: clock.now });
    const { access_token } = await connectUser(app, IVY.id);

    await request(app).post('/__sim/policy').send({ rateLimitPlan: 'free' }).expect(200);
    const free = await inSequence(3, () => createMeeting(app, access_token));
    clock.advance(1000);
    await request(app).post('/__sim/policy').send({ rateLimitPlan: 'business' }).expect(200);
    const business = await inSequence(61, () => me(app, access_token));
    const rejected = await request(app).post('/__sim/policy').send({ rateLimitPlan: 'platinum' });

    expect(free.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(business.filter((r) => r.status === 200)).toHaveLength(61);
    expect(business[60]!.headers['x-ratelimit-limit']).toBe('80');
    expect(rejected.status).toBe(400);
  });

  test('60 parallel meeting creates on the real clock: at most 20 per second succeed on Pro, the rest get 429', async () => {
    const sim = await startZoomSimulator({ ...ZOOM_FAITHFUL_OPTIONS, dailyMeetingLimitPerHost: 1000 });
    try {
      const { access_token } = await connectUser(sim.url, IVY.id);
      const started = Date.now();
      const statuses = await Promise.all(Array.from({ length: 60 }, () => createMeeting(sim.url, access_token).then((r) => r.status)));
      const seconds = Math.floor((Date.now() - started) / 1000) + 2;

      expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(20 * seconds);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    } finally {
      await sim.close();
    }
  });

  test('by default, per-second limits apply (Pro); with rateLimitPlan switched off (LENIENT_POLICY), there is no per-second limit and no rate-limit header', async () => {
    const clock = testClock();
    expect(createZoomSimulator().control.policy().rateLimitPlan).toBe('pro');
    const { app } = createZoomSimulator({ now: clock.now, dailyMeetingLimitPerHost: 1000, rateLimitPlan: LENIENT_POLICY.rateLimitPlan });
    const { access_token } = await connectUser(app, IVY.id);

    const statuses = await Promise.all(Array.from({ length: 60 }, () => createMeeting(app, access_token)));

    expect(statuses.every((r) => r.status === 201)).toBe(true);
    expect(statuses[0]!.headers['x-ratelimit-category']).toBeUndefined();
  });
});
