import { ENDPOINT_RATE_LIMIT_CATEGORY, PER_SECOND_LIMITS, type EndpointKey } from '@crm/zoom-simulator';
import { ZOOM_OPERATION_CATEGORY, ZOOM_PER_SECOND_LIMITS, ZoomRequestPacer } from '../src/zoom/zoom-request-pacer';

/** Which simulator endpoint each REST client operation calls. */
const OPERATION_ENDPOINT: Record<string, EndpointKey> = {
  getCurrentUser: 'users.me',
  getUser: 'users.get',
  createMeeting: 'meetings.create',
  listMeetings: 'meetings.list',
  getMeeting: 'meetings.get',
  updateMeeting: 'meetings.update',
  deleteMeeting: 'meetings.delete',
};

describe('Zoom request pacer', () => {
  test("the API's categories and per-second limits are the simulator's (both from Zoom's rate-limit labels)", () => {
    expect(Object.keys(ZOOM_OPERATION_CATEGORY).sort()).toEqual(Object.keys(OPERATION_ENDPOINT).sort());
    for (const [operation, endpoint] of Object.entries(OPERATION_ENDPOINT)) {
      expect([operation, ZOOM_OPERATION_CATEGORY[operation]]).toEqual([operation, ENDPOINT_RATE_LIMIT_CATEGORY[endpoint]]);
    }
    expect(ZOOM_PER_SECOND_LIMITS).toEqual(PER_SECOND_LIMITS);
  });

  test('on the Pro plan, 40 Medium calls asked for at once go out at most 16 in any second, in the order asked', async () => {
    // Time stands still while they queue, so each wait is exactly when that call's slot comes.
    const pacer = new ZoomRequestPacer({ plan: 'pro', now: () => 0, sleep: async () => {} });
    const sentAt = await Promise.all(Array.from({ length: 40 }, () => pacer.acquire('Medium')));
    for (const at of sentAt) expect(sentAt.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(16);
    expect(sentAt).toEqual([...sentAt].sort((a, b) => a - b));
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(2_400);
    expect(pacer.stats()).toMatchObject({ delayed: 39 });
  });

  test('categories are paced apart: a Light call is not held behind a queue of Medium ones', async () => {
    let now = 0;
    const pacer = new ZoomRequestPacer({ plan: 'free', now: () => now, sleep: async (ms) => void (now += ms) });
    for (let i = 0; i < 3; i += 1) void pacer.acquire('Medium');
    expect(await pacer.acquire('Light')).toBe(0);
  });

  test('after a 429 nothing of that category goes out before its Retry-After has passed', async () => {
    let now = 1_000_000;
    const pacer = new ZoomRequestPacer({ plan: 'business', now: () => now, sleep: async (ms) => void (now += ms) });
    pacer.holdOff('Light', 2_000);
    expect(await pacer.acquire('Light')).toBe(2_000);
    expect(await pacer.acquire('Medium')).toBe(0);
  });
});
