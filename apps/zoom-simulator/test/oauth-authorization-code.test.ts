import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { authorize, basicAuth, exchangeCode, IVY, pkcePair, REDIRECT_URI, testClock, USER_APP } from './support/oauth-flow';

const authorizeQuery = (overrides: Record<string, string> = {}) => ({
  response_type: 'code',
  client_id: USER_APP.clientId,
  redirect_uri: REDIRECT_URI,
  state: 'xyz',
  code_challenge: pkcePair().challenge,
  code_challenge_method: 'S256',
  ...overrides,
});

describe('OAuth authorization code flow', () => {
  test('the consent page offers every simulated user as a radio choice and Authorize/Deny buttons carrying the original params', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app).get('/oauth/authorize').query(authorizeQuery());

    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html');
    expect(response.text).toContain('<title>Zoom — Authorize app</title>');
    expect(response.text).toContain('<legend>Choose the Zoom account to sign in as</legend>');
    expect(response.text).toMatch(/<input type="radio" id="zoom-user-0" name="zoom_user_id" value="[^"]+" checked>/);
    expect(response.text).toContain('Ivy Interviewer');
    expect(response.text).toContain('freelancer@outside.example');
    expect(response.text).toContain('<button type="submit" name="decision" value="allow">Authorize</button>');
    expect(response.text).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
    expect(response.text).toContain('<input type="hidden" name="state" value="xyz">');
  });

  test('when the redirect_uri is not registered exactly, an HTML 400 page is shown and nothing redirects', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app).get('/oauth/authorize').query(authorizeQuery({ redirect_uri: `${REDIRECT_URI}/evil` }));

    expect(response.status).toBe(400);
    expect(response.type).toBe('text/html');
    expect(response.headers.location).toBeUndefined();
  });

  test('when the client_id is unknown, an HTML 400 page is shown', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app).get('/oauth/authorize').query(authorizeQuery({ client_id: 'nope' }));

    expect(response.status).toBe(400);
    expect(response.text).toContain('Invalid client_id');
  });

  test('when the user denies consent, Zoom redirects back with error=access_denied and the state', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app)
      .post('/oauth/authorize')
      .type('form')
      .send({ ...authorizeQuery(), zoom_user_id: IVY.id, decision: 'deny' });

    expect(response.status).toBe(302);
    const location = new URL(response.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('code')).toBeNull();
  });

  test('authorize, exchange the code with the right verifier, then GET /v2/users/me returns the chosen user', async () => {
    // The classic scope string the Zoom brief documents; scopes.test.ts covers granular scopes (the default).
    const { app, control } = createZoomSimulator({ scopeStyle: 'classic' });
    const { verifier, challenge } = pkcePair();

    const code = await authorize(app, IVY.id, challenge, 'state-abc');
    const token = await exchangeCode(app, code, verifier);
    const me = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${token.body.access_token}`);

    expect(token.status).toBe(200);
    expect(token.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      refresh_token: expect.any(String),
      expires_in: 3599,
      scope: 'meeting:write meeting:read user:read',
      api_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: IVY.id,
      email: 'interviewer@example.com',
      account_id: 'sim-account-001',
      first_name: 'Ivy',
      last_name: 'Interviewer',
      display_name: 'Ivy Interviewer',
      type: 2,
      status: 'active',
      timezone: IVY.timezone,
    });
    expect(control.tokenGrantCounts()).toEqual({ authorization_code: 1, refresh_token: 0, account_credentials: 0 });
    const tokenRecord = control.requests().find((r) => r.endpoint === 'oauth.token');
    expect(tokenRecord).toMatchObject({ status: 200, grantType: 'authorization_code', zoomUserId: IVY.id, accountId: 'sim-account-001' });
  });

  test('when the code_verifier does not match the challenge, the exchange fails with invalid_grant', async () => {
    const { app, control } = createZoomSimulator();
    const { challenge } = pkcePair();
    const code = await authorize(app, IVY.id, challenge);

    const response = await exchangeCode(app, code, pkcePair().verifier);

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
    expect(control.tokenGrantCounts().authorization_code).toBe(0);
    expect(control.tokenRequestCounts().authorization_code).toBe(1);
  });

  test('when the redirect_uri differs from the one authorized, the exchange fails with invalid_grant', async () => {
    const { app } = createZoomSimulator({ userApp: { ...USER_APP, redirectUris: [REDIRECT_URI, 'http://localhost:5000/other'] } });
    const { verifier, challenge } = pkcePair();
    const code = await authorize(app, IVY.id, challenge);

    const response = await exchangeCode(app, code, verifier, 'http://localhost:5000/other');

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
  });

  test('when a code is used a second time, the second exchange fails with invalid_grant', async () => {
    const { app } = createZoomSimulator();
    const { verifier, challenge } = pkcePair();
    const code = await authorize(app, IVY.id, challenge);

    const first = await exchangeCode(app, code, verifier);
    const second = await exchangeCode(app, code, verifier);

    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(second.body).toEqual({ reason: 'Invalid authorization code', error: 'invalid_grant' });
  });

  test('when the code is older than 5 minutes on the injected clock, the exchange fails with invalid_grant', async () => {
    const clock = testClock();
    const { app } = createZoomSimulator({ now: clock.now });
    const { verifier, challenge } = pkcePair();
    const code = await authorize(app, IVY.id, challenge);

    clock.advance(5 * 60 * 1000 + 1);
    const response = await exchangeCode(app, code, verifier);

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
  });

  test('when the client secret is wrong or missing, the token endpoint answers 401 invalid_client', async () => {
    const { app } = createZoomSimulator();

    const wrong = await request(app)
      .post('/oauth/token')
      .set('Authorization', basicAuth(USER_APP.clientId, 'wrong-secret'))
      .type('form')
      .send({ grant_type: 'authorization_code', code: 'x', redirect_uri: REDIRECT_URI });
    const missing = await request(app).post('/oauth/token').type('form').send({ grant_type: 'refresh_token', refresh_token: 'x' });

    for (const response of [wrong, missing]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    }
  });

  test('when the grant type is not supported, the token endpoint answers 400 unsupported_grant_type', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app)
      .post('/oauth/token')
      .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret))
      .type('form')
      .send({ grant_type: 'password' });

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('unsupported_grant_type');
  });

  test('when the user authorizes the app again, the tokens from the earlier authorization stop working', async () => {
    const { app } = createZoomSimulator();
    const first = pkcePair();
    const firstTokens = (await exchangeCode(app, await authorize(app, IVY.id, first.challenge), first.verifier)).body;

    const second = pkcePair();
    await exchangeCode(app, await authorize(app, IVY.id, second.challenge), second.verifier);
    const me = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${firstTokens.access_token}`);
    const refreshed = await request(app)
      .post('/oauth/token')
      .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret))
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: firstTokens.refresh_token });

    expect(me.status).toBe(401);
    expect(me.body).toEqual({ code: 124, message: 'Invalid access token.' });
    expect(refreshed.status).toBe(400);
  });
});
