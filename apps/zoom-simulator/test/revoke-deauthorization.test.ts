import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { basicAuth, connectUser, IVY, refresh, S2S_APP, serverToServerToken, testClock, USER_APP, type SimulatorTarget } from './support/oauth-flow';
import { RECEIVER_SECRET, signatureIsValid, useSimulatorWithReceiver } from './support/webhook-receiver';

const revoke = (app: SimulatorTarget, token: string, client = USER_APP) =>
  request(app).post('/oauth/revoke').set('Authorization', basicAuth(client.clientId, client.clientSecret)).type('form').send({ token });
const me = (app: SimulatorTarget, token: string) => request(app).get('/v2/users/me').set('Authorization', `Bearer ${token}`);

describe('revoke uninstalls the app and fires app_deauthorized', () => {
  const { receiver, simulator } = useSimulatorWithReceiver();

  test('when the product revokes a user token, the app receives a signed app_deauthorized in Zoom’s shape and every grant of that user is gone', async () => {
    const { app, control } = simulator();
    const first = await connectUser(app, IVY.id);

    const revoked = await revoke(app, first.access_token);
    await control.settleWebhooks();

    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ status: 'success' });
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    expect(signatureIsValid(message!)).toBe(true);
    expect(message!.event).toEqual({
      event: 'app_deauthorized',
      event_ts: expect.any(Number),
      payload: {
        account_id: IVY.accountId,
        user_id: IVY.id,
        signature: expect.stringMatching(/^[0-9a-f]{64}$/),
        deauthorization_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        client_id: USER_APP.clientId,
      },
    });
    expect((await me(app, first.access_token)).status).toBe(401);
    expect((await refresh(app, first.refresh_token)).status).toBe(400);
    expect(control.webhookDeliveries()).toEqual([expect.objectContaining({ event: 'app_deauthorized', state: 'delivered', attempts: [expect.objectContaining({ status: 200 })] })]);
  });

  test('revoking with the refresh token deauthorizes too', async () => {
    const { app, control } = simulator();
    const tokens = await connectUser(app, IVY.id);

    await revoke(app, tokens.refresh_token).expect(200);
    await control.settleWebhooks();

    expect(receiver.received.map((r) => r.event.event)).toEqual(['app_deauthorized']);
    expect((await me(app, tokens.access_token)).status).toBe(401);
  });

  test('with a delay, nothing arrives until that much simulator time has passed', async () => {
    const clock = testClock();
    const { app, control } = simulator({ now: clock.now, revokeDeauthorization: { delayMs: 30_000 } });
    const tokens = await connectUser(app, IVY.id);

    await revoke(app, tokens.access_token).expect(200);
    clock.advance(29_000);
    const early = await control.deliverDueWebhooks();
    clock.advance(1_000);
    const due = await control.deliverDueWebhooks();

    expect(early).toBe(0);
    expect(due).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(control.webhookDeliveries()[0]).toMatchObject({ state: 'delivered', attempts: [{ at: clock.now(), status: 200 }] });
  });

  test('a test chooses at run time over HTTP whether revoke deauthorizes', async () => {
    const { app, control } = simulator({ revokeDeauthorization: undefined });
    const before = await connectUser(app, IVY.id);
    await revoke(app, before.access_token).expect(200);
    await control.settleWebhooks();
    const silent = receiver.received.length;

    const changed = await request(app).post('/__sim/policy').send({ revokeDeauthorization: { delayMs: 0 } });
    const after = await connectUser(app, IVY.id);
    await revoke(app, after.access_token).expect(200);
    await control.settleWebhooks();

    expect(silent).toBe(0);
    expect(changed.body.revokeDeauthorization).toEqual({ delayMs: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  test('revoking a Server-to-Server token uninstalls nothing and sends nothing', async () => {
    const { app, control } = simulator();
    const token = await serverToServerToken(app);

    await revoke(app, token, S2S_APP).expect(200);
    await control.settleWebhooks();

    expect(receiver.received).toHaveLength(0);
  });

  test('with revokeDeauthorization switched off (LENIENT_POLICY), revoke only kills the grant and sends no webhook', async () => {
    const { app, control } = createZoomSimulator({ webhook: { url: receiver.url, secretToken: RECEIVER_SECRET }, revokeDeauthorization: undefined });
    const tokens = await connectUser(app, IVY.id);

    await revoke(app, tokens.access_token).expect(200);
    await control.settleWebhooks();

    expect(receiver.received).toHaveLength(0);
    expect(control.webhookDeliveries()).toEqual([]);
  });
});
