import { startTestApi, type TestApi } from './support/start-test-api';
import { meetingEvent, postSignedZoomEvent } from './support/signed-zoom-webhook';
import { TEST_WEBHOOK_SECRET } from './support/start-test-stack';

const BURST = 1_000;
const CONCURRENCY = 50;

describe('a burst of 1,000 Zoom webhook deliveries', () => {
  let api: TestApi;
  afterEach(() => api.close());

  test('1,000 signed meeting events sent 50 at a time: all answered 204, 1,000 processed, none lost or failed', async () => {
    // The limiter's default (600 a minute) would answer part of a burst 429 for Zoom to retry later; here it lets all in.
    api = await startTestApi({ env: { ZOOM_WEBHOOK_SECRET_TOKEN: TEST_WEBHOOK_SECRET, ZOOM_WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000' } });
    const bodies = Array.from({ length: BURST }, (_, i) =>
      meetingEvent('meeting.participant_joined', { id: String(85_000_000_000 + i) }, { participant: { user_id: String(16_000_000 + i), user_name: `Guest ${i}`, participant_uuid: `P-${i}` } }),
    );
    const statuses: number[] = [];
    let next = 0;
    const lane = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        statuses.push((await postSignedZoomEvent(api.url, body)).status);
      }
    };

    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    await api.deps.zoomEvents.processor.idle();
    await api.deps.zoomEvents.processor.runOnce();

    expect(statuses).toHaveLength(BURST);
    expect(statuses.filter((status) => status !== 204)).toEqual([]);
    expect(await api.store.zoomEvents.counts()).toEqual({ pending: 0, processed: BURST, failed: 0, duplicateDeliveries: 0 });
    expect(api.deps.zoomEvents.counters.snapshot()).toMatchObject({ recorded: BURST, duplicates: 0 });
  });
});
