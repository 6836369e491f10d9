import { createMemoryStore } from '../src/data/memory/create-memory-store';
import { signInAs, startTestApi, type TestApi } from './support/start-test-api';
import { deauthorizationEvent, meetingEvent, postSignedZoomEvent } from './support/signed-zoom-webhook';
import { TEST_WEBHOOK_SECRET } from './support/start-test-stack';

const WEBHOOK_ENV = { ZOOM_WEBHOOK_SECRET_TOKEN: TEST_WEBHOOK_SECRET };

describe('Zoom webhook pipeline: record, answer, process in the background', () => {
  const apis: TestApi[] = [];
  afterEach(async () => {
    for (const api of apis.splice(0)) await api.close();
  });
  async function start(options: Parameters<typeof startTestApi>[0] = {}) {
    const api = await startTestApi({ ...options, env: { ...WEBHOOK_ENV, ...options.env } });
    apis.push(api);
    return api;
  }

  test('the same delivery sent twice (a Zoom retry) is recorded and processed once; the duplicate is counted', async () => {
    const api = await start();
    const body = deauthorizationEvent('zoom-user-nobody-has');

    const first = await postSignedZoomEvent(api.url, body);
    const second = await postSignedZoomEvent(api.url, body);
    await api.deps.zoomEvents.processor.idle();

    expect([first.status, second.status]).toEqual([204, 204]);
    expect(await api.store.zoomEvents.counts()).toEqual({ pending: 0, processed: 1, failed: 0, duplicateDeliveries: 1 });
    expect(api.deps.zoomEvents.counters.snapshot()).toMatchObject({ recorded: 1, duplicates: 1 });
  });

  test('an event recorded but not processed before the API stopped is processed by the next API process on the same store', async () => {
    const store = createMemoryStore();
    const first = await start({ store, zoomEvents: { processOnReceipt: false } });
    const delivered = await postSignedZoomEvent(first.url, deauthorizationEvent('zoom-user-restart'));
    expect(delivered.status).toBe(204);
    expect(await store.zoomEvents.counts()).toMatchObject({ pending: 1, processed: 0 });
    await first.close();
    apis.splice(apis.indexOf(first), 1);

    // The composition root starts the processor with BACKGROUND_JOBS, and its first pass runs at once.
    const second = await start({ store, env: { BACKGROUND_JOBS: 'true' } });
    await second.deps.zoomEvents.processor.idle();

    expect(await store.zoomEvents.counts()).toMatchObject({ pending: 0, processed: 1 });
  });

  test('an event whose processor died mid-way is taken over once its claim lapses', async () => {
    const store = createMemoryStore();
    const api = await start({ store, zoomEvents: { processOnReceipt: false } });
    await postSignedZoomEvent(api.url, deauthorizationEvent('zoom-user-crashed'));
    const now = api.clock.now();
    // Another process claimed it and then vanished.
    const pending = await store.zoomEvents.claimNextDue('dead-process', new Date(now.getTime() + 120_000), now);
    expect(pending).not.toBeNull();

    expect(await api.deps.zoomEvents.processor.runOnce()).toBe(0);
    api.clock.advance(120_001);
    expect(await api.deps.zoomEvents.processor.runOnce()).toBe(1);

    expect(await store.zoomEvents.findById(pending!.id)).toMatchObject({ status: 'processed', attempts: 2, outcome: 'unknown_user' });
  });

  test('the webhook answer does not wait for slow processing: 2xx at once, the event finishes afterwards', async () => {
    const store = createMemoryStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const lookUp = store.zoomConnections.findUserIdByZoomUserId.bind(store.zoomConnections);
    store.zoomConnections.findUserIdByZoomUserId = async (zoomUserId) => {
      await gate;
      return lookUp(zoomUserId);
    };
    const api = await start({ store, zoomEvents: { answerBudgetMs: 20 } });

    const startedAt = Date.now();
    const response = await postSignedZoomEvent(api.url, deauthorizationEvent('zoom-user-slow'));
    const tookMs = Date.now() - startedAt;

    expect(response.status).toBe(204);
    expect(tookMs).toBeLessThan(3000);
    expect(await store.zoomEvents.counts()).toMatchObject({ pending: 1, processed: 0 });
    release();
    await api.deps.zoomEvents.processor.idle();
    expect(await store.zoomEvents.counts()).toMatchObject({ pending: 0, processed: 1 });
  });

  test('a processing failure is retried with backoff on the API clock, then succeeds', async () => {
    const store = createMemoryStore();
    let failures = 1;
    const lookUp = store.zoomConnections.findUserIdByZoomUserId.bind(store.zoomConnections);
    store.zoomConnections.findUserIdByZoomUserId = async (zoomUserId) => {
      if (failures-- > 0) throw new Error('store briefly unavailable');
      return lookUp(zoomUserId);
    };
    const api = await start({ store });

    const response = await postSignedZoomEvent(api.url, deauthorizationEvent('zoom-user-flaky'));
    await api.deps.zoomEvents.processor.idle();

    expect(response.status).toBe(204);
    // Not due yet: it waits for its backoff.
    expect(await store.zoomEvents.claimNextDue('peek', api.clock.now(), api.clock.now())).toBeNull();
    expect(await store.zoomEvents.counts()).toMatchObject({ pending: 1 });
    api.clock.advance(60 * 60 * 1000);
    expect(await api.deps.zoomEvents.processor.runOnce()).toBe(1);
    expect(await store.zoomEvents.counts()).toMatchObject({ pending: 0, processed: 1 });
  });

  test('a burst of 500 deliveries (the webhook limiter allows 600 a minute): every one answered 2xx, recorded and processed, none lost', async () => {
    const api = await start();
    const bodies = Array.from({ length: 500 }, (_, i) => deauthorizationEvent(`zoom-user-burst-${i}`));
    const answerMs: number[] = [];
    const statuses: number[] = [];
    let next = 0;
    const lane = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const startedAt = performance.now();
        const response = await postSignedZoomEvent(api.url, body);
        answerMs.push(performance.now() - startedAt);
        statuses.push(response.status);
      }
    };

    await Promise.all(Array.from({ length: 25 }, lane));
    await api.deps.zoomEvents.processor.idle();
    await api.deps.zoomEvents.processor.runOnce();

    expect(statuses.filter((status) => status !== 204)).toEqual([]);
    expect(await api.store.zoomEvents.counts()).toEqual({ pending: 0, processed: 500, failed: 0, duplicateDeliveries: 0 });
    answerMs.sort((a, b) => a - b);
    const p99 = answerMs[Math.floor(answerMs.length * 0.99)]!;
    console.log(`webhook burst: 500 deliveries, 25 at a time: answer p50 ${answerMs[250]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    expect(p99).toBeLessThan(3000);
  });

  describe('bad input is refused (4xx) or counted and ignored, never a 500, and nothing is written', () => {
    test.each([
      ['unsigned', async (api: TestApi) => (await import('supertest')).default(api.url).post('/api/zoom/webhook').send(deauthorizationEvent('u')), 401],
      ['signed with another secret', (api: TestApi) => postSignedZoomEvent(api.url, deauthorizationEvent('u'), { secretToken: 'not-our-secret' }), 401],
      ['stale timestamp', (api: TestApi) => postSignedZoomEvent(api.url, deauthorizationEvent('u'), { timestampSeconds: Math.floor(Date.now() / 1000) - 600 }), 401],
      ['oversized body', (api: TestApi) => postSignedZoomEvent(api.url, null, { raw: JSON.stringify({ ...deauthorizationEvent('u'), pad: 'x'.repeat(200_000) }) }), 413],
      ['malformed JSON', (api: TestApi) => postSignedZoomEvent(api.url, null, { raw: '{"event": "app_deauthorized", ' }), 400],
      ['unknown event', (api: TestApi) => postSignedZoomEvent(api.url, { event: 'webinar.started', event_ts: Date.now(), payload: {} }), 204],
      ['known event with a malformed payload', (api: TestApi) => postSignedZoomEvent(api.url, { event: 'meeting.participant_joined', event_ts: 'soon', payload: {} }), 204],
      ['a JSON array', (api: TestApi) => postSignedZoomEvent(api.url, [1, 2, 3]), 204],
    ] as const)('%s', async (_name, send, status) => {
      const api = await start();

      const response = await send(api);

      expect(response.status).toBe(status);
      expect(await api.store.zoomEvents.counts()).toEqual({ pending: 0, processed: 0, failed: 0, duplicateDeliveries: 0 });
    });

    test('unknown and malformed events are counted by name', async () => {
      const api = await start();

      await postSignedZoomEvent(api.url, { event: 'webinar.started', event_ts: Date.now(), payload: {} });
      await postSignedZoomEvent(api.url, { event: 'webinar.started', event_ts: Date.now() + 1, payload: {} });
      await postSignedZoomEvent(api.url, meetingEvent('meeting.started', { id: '' }));

      expect(api.deps.zoomEvents.counters.snapshot().ignored).toEqual({ 'webinar.started': 2, 'meeting.started': 1 });
      const { agent } = await signInAs(api, 'admin');
      const view = await agent.get('/api/admin/zoom/events');
      expect(view.status).toBe(200);
      expect(view.body).toEqual({
        stored: { pending: 0, processed: 0, failed: 0, duplicateDeliveries: 0 },
        sinceStart: { recorded: 0, duplicates: 0, ignored: { 'webinar.started': 2, 'meeting.started': 1 } },
      });
      expect((await (await signInAs(api, 'recruiter')).agent.get('/api/admin/zoom/events')).status).toBe(403);
    });
  });
});
