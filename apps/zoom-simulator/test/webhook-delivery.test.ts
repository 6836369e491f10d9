import request from 'supertest';
import { createZoomSimulator, LENIENT_POLICY, ZOOM_FAITHFUL_OPTIONS } from '../src/index';
import { IVY, testClock } from './support/oauth-flow';
import { eventually, RECEIVER_SECRET, signatureIsValid, useSimulatorWithReceiver } from './support/webhook-receiver';

const MINUTE = 60_000;

describe('webhook delivery as Zoom does it', () => {
  const { receiver, simulator } = useSimulatorWithReceiver();

  test('when the receiver keeps failing, Zoom retries after 5, 20 and 60 more minutes and then drops the event', async () => {
    const clock = testClock();
    const start = clock.now();
    const { control } = simulator({ now: clock.now });
    receiver.answerWith({ status: 500 });

    const first = await control.sendDeauthorization(IVY.id);
    const dueTimes: number[] = [];
    for (const wait of [5 * MINUTE, 20 * MINUTE, 60 * MINUTE]) {
      clock.advance(wait - 1);
      expect(await control.deliverDueWebhooks()).toBe(0);
      clock.advance(1);
      expect(await control.deliverDueWebhooks()).toBe(1);
      dueTimes.push(clock.now() - start);
    }
    clock.advance(24 * 60 * MINUTE);
    const afterDrop = await control.deliverDueWebhooks();

    expect(first.status).toBe(500);
    expect(dueTimes).toEqual([5 * MINUTE, 25 * MINUTE, 85 * MINUTE]);
    expect(afterDrop).toBe(0);
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received.every((r) => signatureIsValid(r))).toBe(true);
    // Each retry is the same event, re-signed at the time it is sent.
    expect(new Set(receiver.received.map((r) => r.rawBody)).size).toBe(1);
    expect(receiver.received.map((r) => Number(r.headers['x-zm-request-timestamp']) * 1000 - start)).toEqual([0, 5 * MINUTE, 25 * MINUTE, 85 * MINUTE]);
    const [record] = control.webhookDeliveries();
    expect(record).toMatchObject({ event: 'app_deauthorized', state: 'dropped' });
    expect(record!.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500]);
    expect(record!.nextAttemptAt).toBeUndefined();
  });

  test('a 2xx on a retry ends the retries', async () => {
    const clock = testClock();
    const { control } = simulator({ now: clock.now });
    receiver.answerWith({ status: 503 }, { status: 204 });

    await control.sendDeauthorization(IVY.id);
    const queued = control.webhookDeliveries()[0];
    clock.advance(5 * MINUTE);
    await control.deliverDueWebhooks();
    clock.advance(24 * 60 * MINUTE);

    expect(queued).toMatchObject({ state: 'retrying', nextAttemptAt: clock.now() - 24 * 60 * MINUTE });
    expect(await control.deliverDueWebhooks()).toBe(0);
    expect(control.webhookDeliveries()[0]).toMatchObject({ state: 'delivered', attempts: [{ status: 503 }, { status: 204 }] });
    expect(receiver.received).toHaveLength(2);
  });

  test('an answer that comes after the timeout counts as a failed attempt (Zoom waits 3 s)', async () => {
    const clock = testClock();
    const { control } = simulator({ now: clock.now, webhookDelivery: { ...ZOOM_FAITHFUL_OPTIONS.webhookDelivery, timeoutMs: 30 } });
    receiver.answerWith({ status: 200, delayMs: 80 });

    await expect(control.sendDeauthorization(IVY.id)).rejects.toThrow(/no answer within 30 ms/);

    expect(ZOOM_FAITHFUL_OPTIONS.webhookDelivery.timeoutMs).toBe(3_000);
    expect(control.webhookDeliveries()[0]).toMatchObject({
      state: 'retrying',
      attempts: [{ status: 0, error: 'no answer within 30 ms' }],
      nextAttemptAt: clock.now() + 5 * MINUTE,
    });
  });

  test('timeScale compresses the schedule on real timers: 85 minutes of retries pass in milliseconds', async () => {
    const { control } = simulator({ webhookDelivery: { ...ZOOM_FAITHFUL_OPTIONS.webhookDelivery, timeScale: 600_000 } });
    receiver.answerWith({ status: 500 });

    await control.sendDeauthorization(IVY.id);
    await eventually(() => control.webhookDeliveries()[0]?.state === 'dropped');

    expect(receiver.received).toHaveLength(4);
  });

  test('the attempts are visible over HTTP, and due retries can be run over HTTP', async () => {
    const clock = testClock();
    const { app, control } = simulator({ now: clock.now });
    receiver.answerWith({ status: 500 }, { status: 200 });
    await control.sendDeauthorization(IVY.id);

    clock.advance(5 * MINUTE);
    const ran = await request(app).post('/__sim/webhooks/deliver-due');
    const deliveries = await request(app).get('/__sim/webhooks/deliveries');

    expect(ran.body).toEqual({ attempted: 1 });
    expect(deliveries.body).toEqual([
      expect.objectContaining({
        event: 'app_deauthorized',
        url: receiver.url,
        state: 'delivered',
        attempts: [
          { at: clock.now() - 5 * MINUTE, status: 500 },
          { at: clock.now(), status: 200 },
        ],
      }),
    ]);
  });

  test('with LENIENT_POLICY delivery, a failed delivery is tried once with a 10 s timeout and not retried', async () => {
    const clock = testClock();
    const { control } = createZoomSimulator({ now: clock.now, webhook: { url: receiver.url, secretToken: RECEIVER_SECRET }, webhookDelivery: LENIENT_POLICY.webhookDelivery });
    receiver.answerWith({ status: 500 });

    await control.sendDeauthorization(IVY.id);
    clock.advance(24 * 60 * MINUTE);

    expect(LENIENT_POLICY.webhookDelivery).toEqual({ timeoutMs: 10_000, retryDelaysMs: [], timeScale: 1 });
    expect(await control.deliverDueWebhooks()).toBe(0);
    expect(control.webhookDeliveries()[0]).toMatchObject({ state: 'dropped', attempts: [{ status: 500 }] });
  });
});
