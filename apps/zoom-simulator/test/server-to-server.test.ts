import request from 'supertest';
import { createZoomSimulator } from '../src/index';
import { ADMIN, basicAuth, FELIX, IAN, S2S_APP, serverToServerToken, USER_APP, validMeetingBody } from './support/oauth-flow';

describe('server-to-server OAuth app', () => {
  test('account_credentials returns an admin-scoped token without a refresh token', async () => {
    // Classic scopes, the shape the Zoom brief (../shared/zoom/README.md) documents; scopes.test.ts covers granular ones.
    const { app, control } = createZoomSimulator({ scopeStyle: 'classic' });

    const response = await request(app)
      .post('/oauth/token')
      .set('Authorization', basicAuth(S2S_APP.clientId, S2S_APP.clientSecret))
      .type('form')
      .send({ grant_type: 'account_credentials', account_id: S2S_APP.accountId });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3599,
      scope: 'meeting:write:admin meeting:read:admin user:read:admin',
      api_url: expect.any(String),
    });
    expect(control.tokenGrantCounts().account_credentials).toBe(1);
  });

  test('when the account_id is not the app’s account, account_credentials fails', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app)
      .post('/oauth/token')
      .set('Authorization', basicAuth(S2S_APP.clientId, S2S_APP.clientSecret))
      .type('form')
      .send({ grant_type: 'account_credentials', account_id: 'someone-else' });

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
  });

  test('when the user app credentials ask for account_credentials, the grant type is refused', async () => {
    const { app } = createZoomSimulator();

    const response = await request(app)
      .post('/oauth/token')
      .set('Authorization', basicAuth(USER_APP.clientId, USER_APP.clientSecret))
      .type('form')
      .send({ grant_type: 'account_credentials', account_id: S2S_APP.accountId });

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('unsupported_grant_type');
  });

  test('an S2S token creates a meeting for a host named by email, and the meeting belongs to that host', async () => {
    const { app, control } = createZoomSimulator();
    const token = await serverToServerToken(app);

    const response = await request(app)
      .post(`/v2/users/${encodeURIComponent(IAN.email)}/meetings`)
      .set('Authorization', `Bearer ${token}`)
      .send(validMeetingBody());

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ host_id: IAN.id, host_email: IAN.email, topic: validMeetingBody().topic });
    expect(control.meetings({ hostId: IAN.id })).toHaveLength(1);
    const record = control.requests().find((r) => r.endpoint === 'meetings.create');
    expect(record).toMatchObject({ status: 201, zoomUserId: IAN.id, accountId: 'sim-account-001', tokenKind: 'account' });
  });

  test('for an S2S token, `me` is the account owner', async () => {
    const { app } = createZoomSimulator();
    const token = await serverToServerToken(app);

    const response = await request(app).get('/v2/users/me').set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: ADMIN.id, email: 'zoom-admin@example.com', role_name: 'Owner' });
  });

  test('when the host is outside the S2S account or unknown, the API answers 404 code 1001', async () => {
    const { app } = createZoomSimulator();
    const token = await serverToServerToken(app);

    const outside = await request(app).post(`/v2/users/${FELIX.email}/meetings`).set('Authorization', `Bearer ${token}`).send(validMeetingBody());
    const unknown = await request(app).get('/v2/users/nobody@example.com').set('Authorization', `Bearer ${token}`);

    expect(outside.status).toBe(404);
    expect(outside.body).toEqual({ code: 1001, message: `User does not exist: ${FELIX.email}.` });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(1001);
  });

  test('an S2S token may update and delete a meeting hosted by anyone in its account', async () => {
    const { app } = createZoomSimulator();
    const token = await serverToServerToken(app);
    const created = await request(app).post(`/v2/users/${IAN.id}/meetings`).set('Authorization', `Bearer ${token}`).send(validMeetingBody());

    const updated = await request(app).patch(`/v2/meetings/${created.body.id}`).set('Authorization', `Bearer ${token}`).send({ duration: 30 });
    const deleted = await request(app).delete(`/v2/meetings/${created.body.id}`).set('Authorization', `Bearer ${token}`);

    expect(updated.status).toBe(204);
    expect(deleted.status).toBe(204);
  });
});
