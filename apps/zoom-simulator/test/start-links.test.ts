import request from 'supertest';
import { createZoomSimulator, LENIENT_POLICY, ZOOM_FAITHFUL_OPTIONS, type ZoomSimulatorOptions } from '../src/index';
import { connectUser, IAN, IVY, testClock, validMeetingBody, type SimulatorTarget } from './support/oauth-flow';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const createMeeting = (app: SimulatorTarget, token: string) =>
  request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${token}`).send(validMeetingBody());
const getMeeting = (app: SimulatorTarget, token: string, id: number) => request(app).get(`/v2/meetings/${id}`).set('Authorization', `Bearer ${token}`);
/** Opens a start URL on the simulator the way a browser would: only the path and query matter. */
const open = (app: SimulatorTarget, startUrl: string) => {
  const url = new URL(startUrl);
  return request(app).get(`${url.pathname}${url.search}`);
};

async function hostWithMeeting(options: ZoomSimulatorOptions) {
  const clock = testClock();
  const { app, control } = createZoomSimulator({ ...ZOOM_FAITHFUL_OPTIONS, now: clock.now, accessTokenTtlSeconds: 30 * 24 * 3600, ...options });
  const { access_token } = await connectUser(app, IVY.id);
  const created = await createMeeting(app, access_token);
  return { app, control, clock, token: access_token, meeting: created.body as { id: number; start_url: string } };
}

describe('start links', () => {
  test('a start URL opens within two hours of issue and shows Zoom’s expired-link page after', async () => {
    const { app, clock, meeting } = await hostWithMeeting({});

    clock.advance(2 * HOUR - 1);
    const justInTime = await open(app, meeting.start_url);
    clock.advance(1);
    const expired = await open(app, meeting.start_url);

    expect(justInTime.status).toBe(200);
    expect(justInTime.text).toContain('Starting meeting as host');
    expect(expired.status).toBe(403);
    expect(expired.text).toContain('This link to start the meeting has expired.');
    expect(expired.headers['cache-control']).toBe('no-store');
  });

  test('every meeting read returns a fresh start URL whose zak works for another two hours', async () => {
    const { app, clock, token, meeting } = await hostWithMeeting({});

    clock.advance(3 * DAY);
    const read = await getMeeting(app, token, meeting.id);
    const again = await getMeeting(app, token, meeting.id);

    expect(read.body.start_url).not.toBe(meeting.start_url);
    expect(again.body.start_url).not.toBe(read.body.start_url);
    expect(new URL(read.body.start_url).searchParams.get('zak')).toMatch(/^[\w-]{100,}$/);
    expect((await open(app, meeting.start_url)).status).toBe(403);
    expect((await open(app, read.body.start_url)).status).toBe(200);
    clock.advance(2 * HOUR);
    expect((await open(app, read.body.start_url)).status).toBe(403);
  });

  test('a made-up zak, a missing one, or another meeting’s zak is refused', async () => {
    const { app, token, meeting } = await hostWithMeeting({});
    const other = (await createMeeting(app, token)).body as { id: number; start_url: string };
    const otherZak = new URL(other.start_url).searchParams.get('zak')!;

    const madeUp = await request(app).get(`/s/${meeting.id}`).query({ zak: 'made-up-zak' });
    const missing = await request(app).get(`/s/${meeting.id}`);
    const foreign = await request(app).get(`/s/${meeting.id}`).query({ zak: otherZak });

    expect([madeUp.status, missing.status, foreign.status]).toEqual([403, 403, 403]);
    expect(madeUp.text).toContain('This link to start the meeting is not valid.');
  });

  test('the lifetime is configurable', async () => {
    const { app, clock, meeting } = await hostWithMeeting({ startLinks: { ttlSeconds: 60, reissueOnRead: true, enforceExpiry: true } });

    clock.advance(60_000);

    expect((await open(app, meeting.start_url)).status).toBe(403);
  });

  test('a test can switch expiry on at run time over HTTP', async () => {
    const { app, clock, meeting } = await hostWithMeeting({ startLinks: { ttlSeconds: 7200, reissueOnRead: false, enforceExpiry: false } });
    clock.advance(3 * DAY);
    const lenient = await open(app, meeting.start_url);

    await request(app).post('/__sim/policy').send({ startLinks: { ttlSeconds: 7200, reissueOnRead: true, enforceExpiry: true } }).expect(200);
    const strict = await open(app, meeting.start_url);

    expect(lenient.status).toBe(200);
    expect(strict.status).toBe(403);
  });

  test('the control API shows the latest start URL a read minted', async () => {
    const { app, control, token, meeting } = await hostWithMeeting({});

    const read = await getMeeting(app, token, meeting.id);

    expect(control.meetings({ hostId: IVY.id })[0]!.start_url).toBe(read.body.start_url);
    expect(control.meetings({ hostId: IAN.id })).toEqual([]);
  });

  test('with LENIENT_POLICY start links, the creation-time start URL is returned on every read and opens three days later, even with a made-up zak', async () => {
    const clock = testClock();
    const { app } = createZoomSimulator({ now: clock.now, accessTokenTtlSeconds: 30 * 24 * 3600, startLinks: LENIENT_POLICY.startLinks });
    const { access_token } = await connectUser(app, IVY.id);
    const meeting = (await createMeeting(app, access_token)).body as { id: number; start_url: string };

    clock.advance(3 * DAY);
    const read = await getMeeting(app, access_token, meeting.id);

    expect(read.body.start_url).toBe(meeting.start_url);
    expect((await open(app, meeting.start_url)).status).toBe(200);
    expect((await request(app).get(`/s/${meeting.id}`).query({ zak: 'made-up' })).status).toBe(200);
  });
});
