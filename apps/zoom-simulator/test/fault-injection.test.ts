import request from 'supertest';
import { createZoomSimulator, startZoomSimulator, type RunningZoomSimulator } from '../src/index';
import { connectUser, IVY } from './support/oauth-flow';

describe('fault injection', () => {
  test('a 429 fault with retryAfterSeconds answers Zoom’s rate-limit body and a Retry-After header', async () => {
    const { app, control } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);
    const faultId = control.injectFault({ endpoint: 'users.me', status: 429, retryAfterSeconds: 2 });

    const response = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${access_token}`);

    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('2');
    expect(response.body).toEqual({ code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' });
    expect(control.requests().at(-1)).toMatchObject({ endpoint: 'users.me', status: 429, faultId });
  });

  test('a fault with times: 2 fails twice and then the endpoint serves normally', async () => {
    const { app, control } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);
    control.injectFault({ endpoint: 'meetings.create', status: 503, times: 2 });
    const create = () => request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${access_token}`).send({ topic: 'Retry me' });

    const statuses = [(await create()).status, (await create()).status, (await create()).status];

    expect(statuses).toEqual([503, 503, 201]);
    expect(control.meetings()).toHaveLength(1);
  });

  test('a fault with a custom body answers with that body, and a token fault can break a refresh', async () => {
    const { app, control } = createZoomSimulator();
    const { refresh_token } = await connectUser(app, IVY.id);
    control.injectFault({ endpoint: 'oauth.token', status: 500, body: { reason: 'Internal Error', error: 'server_error' }, times: 1 });

    const response = await request(app)
      .post('/oauth/token')
      .auth('sim-user-client-id', 'sim-user-client-secret')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token });

    expect(response.status).toBe(500);
    expect(response.body).toEqual({ reason: 'Internal Error', error: 'server_error' });
  });

  test('a latency-only fault delays the answer and then serves it normally', async () => {
    const { app, control } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);
    control.injectFault({ endpoint: 'users.me', latencyMs: 300, times: 1 });

    const started = Date.now();
    const response = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${access_token}`);

    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(200);
  });

  describe('over a real socket', () => {
    let sim: RunningZoomSimulator;
    beforeEach(async () => {
      sim = await startZoomSimulator();
    });
    afterEach(async () => {
      await sim.close();
    });

    test('a resetConnection fault drops the socket without a response and is recorded with status 0', async () => {
      const { access_token } = await connectUser(sim.url, IVY.id);
      sim.control.injectFault({ endpoint: 'users.me', resetConnection: true, times: 1 });

      const failed = await fetch(`${sim.url}/v2/users/me`, { headers: { authorization: `Bearer ${access_token}` } }).then(
        () => 'answered',
        (error: Error) => error.name,
      );
      const retried = await fetch(`${sim.url}/v2/users/me`, { headers: { authorization: `Bearer ${access_token}` } });

      expect(failed).toBe('TypeError');
      expect(retried.status).toBe(200);
      expect(sim.control.requests().filter((r) => r.endpoint === 'users.me').map((r) => r.status)).toEqual([0, 200]);
    });

    test('faults can be injected and cleared over HTTP under /__sim/faults', async () => {
      const injected = await fetch(`${sim.url}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ endpoint: 'oauth.token', status: 429, retryAfterSeconds: 5 }),
      });
      const faulted = await fetch(`${sim.url}/oauth/token`, { method: 'POST' });
      const cleared = await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
      const afterClear = await fetch(`${sim.url}/oauth/token`, { method: 'POST' });
      const invalid = await fetch(`${sim.url}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ endpoint: 'meetings.explode', status: 500 }),
      });

      expect(injected.status).toBe(201);
      expect(faulted.status).toBe(429);
      expect(faulted.headers.get('retry-after')).toBe('5');
      expect(cleared.status).toBe(204);
      expect(afterClear.status).toBe(401);
      expect(invalid.status).toBe(400);
    });
  });
});
