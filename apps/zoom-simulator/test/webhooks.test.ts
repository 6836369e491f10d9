import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { connectUser, IVY, refresh } from './support/oauth-flow';

const SECRET = 'receiver-secret-token';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** A minimal receiver that verifies signatures as the product must: raw bytes, constant time. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const app = express();
  app.post('/webhooks/zoom', express.raw({ type: '*/*' }), (req, res) => {
    const rawBody = (req.body as Buffer).toString('utf8');
    received.push({ headers: req.headers, rawBody });
    const event = JSON.parse(rawBody) as { event: string; payload: { plainToken?: string } };
    if (event.event === 'endpoint.url_validation') {
      const plainToken = event.payload.plainToken ?? '';
      return void res.json({ plainToken, encryptedToken: createHmac('sha256', SECRET).update(plainToken).digest('hex') });
    }
    res.json({ ok: true });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zoom`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function signatureIsValid({ headers, rawBody }: Received): boolean {
  const expected = `v0=${createHmac('sha256', SECRET).update(`v0:${String(headers['x-zm-request-timestamp'])}:${rawBody}`).digest('hex')}`;
  const given = String(headers['x-zm-signature']);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

describe('webhooks', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await receiver.close();
  });

  test('app_deauthorized arrives in Zoom’s shape with a verifiable signature, after the user’s tokens were revoked', async () => {
    const { app, control } = createZoomSimulator({ webhook: { url: receiver.url, secretToken: SECRET } });
    const tokens = await connectUser(app, IVY.id);

    const delivery = await control.sendDeauthorization(IVY.id);
    const me = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${tokens.access_token}`);
    const refreshed = await refresh(app, tokens.refresh_token);

    expect(delivery).toEqual({ status: 200, body: { ok: true } });
    const [message] = receiver.received;
    expect(message).toBeDefined();
    expect(signatureIsValid(message!)).toBe(true);
    expect(Number(message!.headers['x-zm-request-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    expect(JSON.parse(message!.rawBody)).toEqual({
      event: 'app_deauthorized',
      event_ts: expect.any(Number),
      payload: {
        account_id: 'sim-account-001',
        user_id: IVY.id,
        signature: expect.any(String),
        deauthorization_time: expect.any(String),
        client_id: 'sim-user-client-id',
      },
    });
    expect(me.status).toBe(401);
    expect(refreshed.status).toBe(400);
  });

  test('a webhook signed with another secret or an old timestamp can be sent to exercise rejection', async () => {
    const { control } = createZoomSimulator({ webhook: { url: receiver.url, secretToken: SECRET } });

    await control.sendDeauthorization(IVY.id, { secretToken: 'wrong-secret', timestamp: 1_600_000_000 });

    const [message] = receiver.received;
    expect(message!.headers['x-zm-request-timestamp']).toBe('1600000000');
    expect(signatureIsValid(message!)).toBe(false);
  });

  test('endpoint.url_validation is signed and the receiver’s encryptedToken is checked', async () => {
    const { control } = createZoomSimulator({ webhook: { url: receiver.url, secretToken: SECRET } });

    const delivery = await control.sendUrlValidation();

    expect(delivery.status).toBe(200);
    expect(delivery.encryptedTokenValid).toBe(true);
    expect(signatureIsValid(receiver.received[0]!)).toBe(true);
    expect(JSON.parse(receiver.received[0]!.rawBody)).toMatchObject({ event: 'endpoint.url_validation', payload: { plainToken: delivery.plainToken } });
  });

  test('the deauthorization webhook can be triggered over HTTP with a url per call', async () => {
    const { app } = createZoomSimulator({ webhook: { secretToken: SECRET } });

    const response = await request(app).post('/__sim/webhooks/app-deauthorized').send({ zoomUserId: IVY.id, url: receiver.url });
    const unknown = await request(app).post('/__sim/webhooks/app-deauthorized').send({ zoomUserId: 'nobody' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 200, body: { ok: true } });
    expect(signatureIsValid(receiver.received[0]!)).toBe(true);
    expect(unknown.status).toBe(404);
  });
});
