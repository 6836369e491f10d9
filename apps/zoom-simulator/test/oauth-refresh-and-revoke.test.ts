import request from 'supertest';
import { createZoomSimulator, startZoomSimulator } from '../src/index';
import { basicAuth, connectUser, IVY, refresh, testClock, USER_APP, type SimulatorTarget } from './support/oauth-flow';

const me = (app: SimulatorTarget, accessToken: string) => request(app).get('/v2/users/me').set('Authorization', `Bearer ${accessToken}`);

describe('refresh token rotation', () => {
  test('a refresh returns a new refresh token and the old one is dead at once', async () => {
    const { app, control } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);

    const first = await refresh(app, tokens.refresh_token);
    const replay = await refresh(app, tokens.refresh_token);
    const next = await refresh(app, first.body.refresh_token);

    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(first.body.access_token).not.toBe(tokens.access_token);
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' });
    expect(next.status).toBe(200);
    expect(control.tokenGrantCounts().refresh_token).toBe(2);
    expect(control.tokenRequestCounts().refresh_token).toBe(3);
  });

  test('when two refreshes race with the same refresh token, exactly one wins and the other gets invalid_grant', async () => {
    const sim = await startZoomSimulator();
    try {
      const tokens = await connectUser(sim.url, IVY.id);

      const results = await Promise.all(
        Array.from({ length: 2 }, () =>
          fetch(`${sim.url}/oauth/token`, {
            method: 'POST',
            headers: { authorization: basicAuth(USER_APP.clientId, USER_APP.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })),
        ),
      );

      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      expect(results.find((r) => r.status === 400)?.body).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' });
    } finally {
      await sim.close();
    }
  });

  test('when another client rotates the refresh token elsewhere, the one the product holds is rejected', async () => {
    const { app, control } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);

    const result = control.rotateRefreshTokenElsewhere(IVY.id);
    const response = await refresh(app, tokens.refresh_token);

    expect(result).toEqual({ rotated: true });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
  });
});

describe('access token expiry', () => {
  test('when the access token has outlived its TTL on the injected clock, the REST API answers 401 code 124', async () => {
    const clock = testClock();
    const { app } = createZoomSimulator({ now: clock.now, accessTokenTtlSeconds: 60 });
    const tokens = await connectUser(app, IVY.id);

    const before = await me(app, tokens.access_token);
    clock.advance(60_000);
    const after = await me(app, tokens.access_token);

    expect(tokens.expires_in).toBe(60);
    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ code: 124, message: 'Invalid access token.' });
  });

  test('when the control expires access tokens, the token is rejected with 124 and a refresh gets a working one', async () => {
    const { app, control } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);

    control.expireAccessTokens(IVY.id);
    const expired = await me(app, tokens.access_token);
    const refreshed = await refresh(app, tokens.refresh_token);
    const fresh = await me(app, refreshed.body.access_token);

    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe(124);
    expect(fresh.status).toBe(200);
  });

  test('when no bearer token or an unknown one is sent, the REST API answers 401 code 124', async () => {
    const { app } = createZoomSimulator();

    const missing = await request(app).get('/v2/users/me');
    const unknown = await me(app, 'not-a-token');

    expect(missing.status).toBe(401);
    expect(unknown.body).toEqual({ code: 124, message: 'Invalid access token.' });
  });
});

describe('revoke', () => {
  test('revoking the access token kills both it and its refresh token', async () => {
    const { app } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);

    const revoked = await request(app)
      .post('/oauth/revoke')
      .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret))
      .type('form')
      .send({ token: tokens.access_token });
    const after = await me(app, tokens.access_token);
    const refreshed = await refresh(app, tokens.refresh_token);

    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ status: 'success' });
    expect(after.status).toBe(401);
    expect(refreshed.status).toBe(400);
  });

  test('when the token is sent in the query string, revoke answers 400 and the token keeps working', async () => {
    const { app } = createZoomSimulator();
    const tokens = await connectUser(app, IVY.id);

    const revoked = await request(app)
      .post('/oauth/revoke')
      .query({ token: tokens.access_token })
      .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret));
    const after = await me(app, tokens.access_token);

    expect(revoked.status).toBe(400);
    expect(after.status).toBe(200);
  });

  test('records never contain the tokens, codes or secrets that were exchanged', async () => {
    const { app, control } = createZoomSimulator();
    await connectUser(app, IVY.id);

    const recorded = JSON.stringify(control.requests());

    expect(control.issuedSecrets()).toHaveLength(3);
    for (const secret of [...control.issuedSecrets(), USER_APP.clientSecret]) expect(recorded).not.toContain(secret);
  });
});

