import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { connectUser, exchangeCode, IVY, pkcePair, REDIRECT_URI, serverToServerToken, USER_APP, validMeetingBody, type SimulatorTarget } from './support/oauth-flow';

const GRANULAR = 'meeting:write:meeting meeting:update:meeting meeting:delete:meeting meeting:read:meeting meeting:read:list_meetings meeting:read:list_past_participants user:read:user';

/** Consents as Ivy with an optional `scope` parameter and exchanges the code. */
async function consentWithScope(app: SimulatorTarget, scope: string | undefined) {
  const { verifier, challenge } = pkcePair();
  const params = {
    response_type: 'code',
    client_id: USER_APP.clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(scope === undefined ? {} : { scope }),
  };
  const page = await request(app).get('/oauth/authorize').query(params);
  const consent = await request(app)
    .post('/oauth/authorize')
    .type('form')
    .send({ ...params, zoom_user_id: IVY.id, decision: 'allow' });
  if (consent.status !== 302) return { page, consent, tokens: undefined };
  const code = new URL(consent.headers.location as string).searchParams.get('code')!;
  const tokens = await exchangeCode(app, code, verifier);
  return { page, consent, tokens: tokens.body as { access_token: string; scope: string } };
}

describe('scopes', () => {
  test('an app created since 2024 is granted granular scopes, and they open every endpoint the product uses', async () => {
    const { app } = createZoomSimulator({ scopeStyle: 'granular' });
    const tokens = await connectUser(app, IVY.id);
    const auth = `Bearer ${tokens.access_token}`;

    const created = await request(app).post('/v2/users/me/meetings').set('Authorization', auth).send(validMeetingBody());
    const read = await request(app).get(`/v2/meetings/${created.body.id}`).set('Authorization', auth);
    const updated = await request(app).patch(`/v2/meetings/${created.body.id}`).set('Authorization', auth).send({ topic: 'Moved' });
    const deleted = await request(app).delete(`/v2/meetings/${created.body.id}`).set('Authorization', auth);

    expect(tokens).toMatchObject({ scope: GRANULAR });
    expect([created.status, read.status, updated.status, deleted.status]).toEqual([201, 200, 204, 204]);
    expect((await request(app).get('/v2/users/me').set('Authorization', auth)).status).toBe(200);
  });

  test('a granular Server-to-Server app gets the :admin forms', async () => {
    const { app } = createZoomSimulator({ scopeStyle: 'granular' });

    const token = await serverToServerToken(app);
    const meeting = await request(app).post(`/v2/users/${IVY.email}/meetings`).set('Authorization', `Bearer ${token}`).send(validMeetingBody());

    expect(meeting.status).toBe(201);
  });

  test('a scope parameter narrows what is granted, and an endpoint outside it answers 4711', async () => {
    const { app } = createZoomSimulator({ scopeStyle: 'granular' });

    const { page, tokens } = await consentWithScope(app, 'meeting:read:meeting user:read:user');
    const create = await request(app).post('/v2/users/me/meetings').set('Authorization', `Bearer ${tokens!.access_token}`).send(validMeetingBody());

    expect(page.text).toContain('<code>meeting:read:meeting</code>');
    expect(page.text).not.toContain('<code>meeting:write:meeting</code>');
    expect(tokens!.scope).toBe('meeting:read:meeting user:read:user');
    expect(create.status).toBe(400);
    expect(create.body).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[meeting:write, meeting:write:meeting].' });
  });

  test('asking for a scope the app was not configured with shows Zoom’s invalid-scope page and issues no code', async () => {
    const { app } = createZoomSimulator({ scopeStyle: 'granular' });

    const { page, consent } = await consentWithScope(app, 'meeting:write');

    expect(page.status).toBe(400);
    expect(page.text).toContain('Invalid scope');
    expect(consent.status).toBe(400);
  });

  test('a classic app honours a scope parameter too', async () => {
    const { app } = createZoomSimulator({ scopeStyle: 'classic' });

    const { tokens } = await consentWithScope(app, 'user:read');

    expect(tokens!.scope).toBe('user:read');
  });

  test('a classic app (created before 2024) has the classic scopes and no scope parameter grants all of them', async () => {
    const { app } = createZoomSimulator({ scopeStyle: 'classic' });

    const { tokens } = await consentWithScope(app, undefined);
    const s2s = await request(app)
      .post('/oauth/token')
      .set('Authorization', `Basic ${Buffer.from('sim-s2s-client-id:sim-s2s-client-secret').toString('base64')}`)
      .type('form')
      .send({ grant_type: 'account_credentials', account_id: 'sim-account-001' });

    expect(tokens!.scope).toBe('meeting:write meeting:read user:read');
    expect(s2s.body.scope).toBe('meeting:write:admin meeting:read:admin user:read:admin');
  });
});
