import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { connectUser, IVY, refresh, validMeetingBody } from './support/oauth-flow';

describe('control API over HTTP', () => {
  test('health, stats, requests, meetings and violations reflect what the simulator saw', async () => {
    const { app } = createZoomSimulator();
    const { access_token } = await connectUser(app, IVY.id);
    await request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${access_token}`).send(validMeetingBody());
    await request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${access_token}`).send({ type: 'banana' });

    const health = await request(app).get('/__sim/health');
    const stats = await request(app).get('/__sim/stats');
    const requests = await request(app).get('/__sim/requests');
    const meetings = await request(app).get('/__sim/meetings').query({ hostId: IVY.id });
    const violations = await request(app).get('/__sim/violations');

    expect(health.body).toEqual({ status: 'ok' });
    expect(stats.body).toMatchObject({
      tokenGrantCounts: { authorization_code: 1, refresh_token: 0, account_credentials: 0 },
      specViolationCount: 1,
      meetingCount: 1,
      requestCountsByEndpoint: { 'oauth.authorize': 1, 'oauth.token': 1, 'meetings.create': 2 },
    });
    expect(requests.body.map((r: { endpoint: string }) => r.endpoint)).toEqual(['oauth.authorize', 'oauth.token', 'meetings.create', 'meetings.create']);
    expect(meetings.body).toHaveLength(1);
    expect(violations.body).toHaveLength(1);
  });

  test('access-token-ttl, expire-access-tokens and rotate-refresh-token change token behaviour', async () => {
    const { app } = createZoomSimulator();
    await request(app).post('/__sim/access-token-ttl').send({ seconds: 120 });
    const tokens = await connectUser(app, IVY.id);

    const expire = await request(app).post('/__sim/expire-access-tokens').send({ zoomUserId: IVY.id });
    const me = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${tokens.access_token}`);
    const rotate = await request(app).post(`/__sim/users/${IVY.id}/rotate-refresh-token`);
    const refreshed = await refresh(app, tokens.refresh_token);

    expect(tokens.expires_in).toBe(120);
    expect(expire.status).toBe(204);
    expect(me.status).toBe(401);
    expect(rotate.body).toEqual({ rotated: true });
    expect(refreshed.status).toBe(400);
  });

  test('reset clears tokens, meetings, records and counters but keeps the issued-secret history', async () => {
    const { app, control } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);
    await request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${tokens.access_token}`).send(validMeetingBody());

    const reset = await request(app).post('/__sim/reset');
    const me = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${tokens.access_token}`);

    expect(reset.status).toBe(204);
    expect(me.status).toBe(401);
    expect(control.meetings()).toEqual([]);
    expect(control.tokenGrantCounts()).toEqual({ authorization_code: 0, refresh_token: 0, account_credentials: 0 });
    expect(control.requests()).toHaveLength(1);
    expect(control.issuedSecrets()).toContain(tokens.access_token);
  });

  test('issued secrets are not exposed over HTTP', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app).get('/__sim/issued-secrets');

    expect(response.status).toBe(404);
  });
});
