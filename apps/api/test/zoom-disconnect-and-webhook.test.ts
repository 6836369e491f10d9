import { revealSecret } from '../src/zoom/zoom-secret';
import request, { type Response } from 'supertest';
import { CSRF_HEADER } from '@crm/shared/auth';
import type { Store } from '../src/domain/ports/store';
import { signInAs } from './support/start-test-api';
import {
  connectZoom,
  leakedSecrets,
  rawMemoryStoreText,
  responseText,
  SIMULATED_INTERVIEWER,
  SIMULATED_ZOOM_USERS,
  TEST_WEBHOOK_SECRET,
  TEST_ZOOM_APP,
  useTestStack,
} from './support/start-test-stack';

function tokenFieldsOf(store: Store, userId: string) {
  const doc = (store.users as unknown as { documents: Map<string, Record<string, unknown>> }).documents.get(userId)!;
  return { access: doc.zoomAccessToken ?? null, refresh: doc.zoomRefreshToken ?? null, zoomUserId: doc.zoomUserId, zoomEmail: doc.zoomEmail };
}

describe('disconnecting, deauthorization webhooks and admin views', () => {
  const stack = useTestStack();

  test('disconnect revokes the token at Zoom and wipes tokens and Zoom ids; a second disconnect still succeeds', async () => {
    const { agent, user } = await signInAs(stack().api, 'interviewer');
    await connectZoom(agent);
    const token = await stack().api.deps.userAccessTokens.forUser(user.id).getAccessToken();
    const revokesBefore = stack().zoom.control.requests().filter((r) => r.endpoint === 'oauth.revoke').length;

    const first = await agent.post('/api/zoom/disconnect');

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ state: 'not_connected', zoomEmail: null, connectedAt: null, lastProblem: null });
    expect(stack().zoom.control.requests().filter((r) => r.endpoint === 'oauth.revoke')).toHaveLength(revokesBefore + 1);
    expect(tokenFieldsOf(stack().api.store, user.id)).toEqual({ access: null, refresh: null, zoomUserId: null, zoomEmail: null });
    // The revoked token no longer works at Zoom.
    const me = await request(`${stack().zoom.url}/v2`).get('/users/me').set('Authorization', `Bearer ${token.ok ? revealSecret(token.accessToken) : ''}`);
    expect(me.status).toBe(401);

    const second = await agent.post('/api/zoom/disconnect');
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('not_connected');
    const { events } = await stack().api.store.audit.list({ offset: 0, limit: 10 });
    expect(events.filter((e) => e.type === 'zoom.disconnected')).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'zoom.disconnected', actor: { userId: user.id }, subject: { userId: user.id }, details: { by: 'self' } });
  });

  test('when Zoom fails the revoke, disconnect still wipes the connection', async () => {
    const { agent, user } = await signInAs(stack().api, 'interviewer');
    await connectZoom(agent);
    stack().zoom.control.injectFault({ endpoint: 'oauth.revoke', status: 500 });

    const response = await agent.post('/api/zoom/disconnect');

    expect(response.status).toBe(200);
    expect(response.body.state).toBe('not_connected');
    expect(tokenFieldsOf(stack().api.store, user.id).access).toBeNull();
  });

  test('disconnect without the CSRF header is refused and changes nothing', async () => {
    const { agent, user } = await signInAs(stack().api, 'interviewer');
    await connectZoom(agent);
    agent.set(CSRF_HEADER, 'wrong');

    const response = await agent.post('/api/zoom/disconnect');

    expect(response.status).toBe(403);
    expect(tokenFieldsOf(stack().api.store, user.id).access).not.toBeNull();
  });

  test('a correctly signed app_deauthorized wipes that Zoom user\'s connection (reason: removed in Zoom), and a replay is harmless', async () => {
    const { agent, user } = await signInAs(stack().api, 'interviewer');
    await connectZoom(agent, { zoomUserId: SIMULATED_INTERVIEWER.id });

    const delivery = await stack().zoom.control.sendDeauthorization(SIMULATED_INTERVIEWER.id);

    expect(delivery.status).toBeLessThan(300);
    const status = (await agent.get('/api/zoom/status')).body;
    expect(status).toMatchObject({ state: 'not_connected', zoomEmail: null });
    expect(status.lastProblem).toMatch(/removed .*in Zoom/);
    expect(tokenFieldsOf(stack().api.store, user.id)).toEqual({ access: null, refresh: null, zoomUserId: null, zoomEmail: null });
    const replay = await stack().zoom.control.sendDeauthorization(SIMULATED_INTERVIEWER.id);
    expect(replay.status).toBeLessThan(300);
    const { events } = await stack().api.store.audit.list({ offset: 0, limit: 10 });
    expect(events.filter((e) => e.type === 'zoom.deauthorized')).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'zoom.deauthorized', actor: { kind: 'zoom' }, subject: { userId: user.id } });
  });

  test('an app_deauthorized from before the user reconnected (late delivery or replay) leaves the new connection alone', async () => {
    const { agent } = await signInAs(stack().api, 'interviewer');
    const removedAt = new Date(Date.now() - 60_000).toISOString();
    await connectZoom(agent, { zoomUserId: SIMULATED_INTERVIEWER.id });
    const { signWebhook } = await import('@crm/zoom-simulator');
    const body = JSON.stringify({
      event: 'app_deauthorized',
      event_ts: Date.now(),
      payload: { account_id: SIMULATED_INTERVIEWER.accountId, user_id: SIMULATED_INTERVIEWER.id, signature: 'x', deauthorization_time: removedAt, client_id: TEST_ZOOM_APP.clientId },
    });
    const ts = Math.floor(Date.now() / 1000);

    const response = await request(stack().api.url)
      .post('/api/zoom/webhook')
      .set('content-type', 'application/json')
      .set('x-zm-request-timestamp', String(ts))
      .set('x-zm-signature', signWebhook(TEST_WEBHOOK_SECRET, ts, body))
      .send(body);

    expect(response.status).toBeLessThan(300);
    expect((await agent.get('/api/zoom/status')).body).toMatchObject({ state: 'connected', zoomEmail: SIMULATED_INTERVIEWER.email });
  });

  test('a webhook with a bad signature gets 401 webhook_signature_invalid and changes nothing', async () => {
    const { agent, user } = await signInAs(stack().api, 'interviewer');
    await connectZoom(agent, { zoomUserId: SIMULATED_INTERVIEWER.id });
    const before = tokenFieldsOf(stack().api.store, user.id);

    const delivery = await stack().zoom.control.sendDeauthorization(SIMULATED_INTERVIEWER.id, { secretToken: 'not-the-secret-token' });

    expect(delivery.status).toBe(401);
    expect((delivery.body as { error: { code: string } }).error.code).toBe('webhook_signature_invalid');
    expect(tokenFieldsOf(stack().api.store, user.id)).toEqual(before);
    expect((await agent.get('/api/zoom/status')).body.state).toBe('connected');
  });

  test('a webhook with a timestamp older than 5 minutes gets 401 and changes nothing', async () => {
    const { agent, user } = await signInAs(stack().api, 'interviewer');
    await connectZoom(agent, { zoomUserId: SIMULATED_INTERVIEWER.id });
    const before = tokenFieldsOf(stack().api.store, user.id);

    const delivery = await stack().zoom.control.sendDeauthorization(SIMULATED_INTERVIEWER.id, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });

    expect(delivery.status).toBe(401);
    expect(tokenFieldsOf(stack().api.store, user.id)).toEqual(before);
  });

  test('a webhook whose body was altered after signing gets 401', async () => {
    const body = JSON.stringify({ event: 'app_deauthorized', payload: { user_id: SIMULATED_INTERVIEWER.id } });
    const { signWebhook } = await import('@crm/zoom-simulator');
    const ts = Math.floor(Date.now() / 1000);
    const response = await request(stack().api.url)
      .post('/api/zoom/webhook')
      .set('content-type', 'application/json')
      .set('x-zm-request-timestamp', String(ts))
      .set('x-zm-signature', signWebhook(TEST_WEBHOOK_SECRET, ts, body))
      .send(body.replace(SIMULATED_INTERVIEWER.id, 'someone-else'));
    expect(response.status).toBe(401);
  });

  test('endpoint.url_validation is answered with the plainToken and its HMAC', async () => {
    const delivery = await stack().zoom.control.sendUrlValidation();
    expect(delivery.status).toBe(200);
    expect(delivery.encryptedTokenValid).toBe(true);
  });

  describe('admin endpoints', () => {
    test('non-admins get 403 from every admin Zoom endpoint, signed-out callers 401', async () => {
      const interviewer = await signInAs(stack().api, 'interviewer');
      const recruiter = await signInAs(stack().api, 'recruiter');
      for (const { agent } of [interviewer, recruiter]) {
        expect((await agent.get('/api/admin/zoom/connections')).status).toBe(403);
        expect((await agent.get('/api/admin/audit/events')).status).toBe(403);
        expect((await agent.post(`/api/admin/users/${interviewer.user.id}/zoom/disconnect`)).status).toBe(403);
      }
      expect((await request(stack().api.url).get('/api/admin/zoom/connections')).status).toBe(401);
      expect((await request(stack().api.url).get('/api/admin/audit/events')).status).toBe(401);
    });

    test('the connections view shows each user\'s state, totals and interviewer adoption, and no token', async () => {
      const admin = await signInAs(stack().api, 'admin');
      const connected = await signInAs(stack().api, 'interviewer');
      await signInAs(stack().api, 'interviewer');
      await connectZoom(connected.agent, { zoomUserId: SIMULATED_INTERVIEWER.id });

      const response = await admin.agent.get('/api/admin/zoom/connections').expect(200);

      const row = response.body.users.find((u: { userId: string }) => u.userId === connected.user.id);
      expect(row).toMatchObject({ state: 'connected', zoomEmail: SIMULATED_INTERVIEWER.email, email: connected.user.email, role: 'interviewer' });
      expect(response.body.totals).toEqual({ connected: 1, needs_reconnect: 0, not_connected: 2 });
      expect(response.body.interviewers).toEqual({ total: 2, connected: 1, adoptionRate: 0.5 });
      expect(leakedSecrets(responseText(response), stack().secrets())).toEqual([]);
      expect(response.text).not.toMatch(/v1\.test1\./);
    });

    test('an admin can disconnect another user; the event names the admin as actor', async () => {
      const admin = await signInAs(stack().api, 'admin');
      const interviewer = await signInAs(stack().api, 'interviewer');
      await connectZoom(interviewer.agent);

      const response = await admin.agent.post(`/api/admin/users/${interviewer.user.id}/zoom/disconnect`).expect(200);

      expect(response.body.state).toBe('not_connected');
      expect(response.body.lastProblem).toMatch(/administrator/);
      expect(tokenFieldsOf(stack().api.store, interviewer.user.id).access).toBeNull();
      const audit = await admin.agent.get('/api/admin/audit/events?limit=1').expect(200);
      expect(audit.body.events[0]).toMatchObject({
        type: 'zoom.disconnected',
        actor: { userId: admin.user.id, email: admin.user.email, kind: 'user' },
        subject: { userId: interviewer.user.id },
        details: { by: 'admin' },
      });
      expect((await admin.agent.post('/api/admin/users/no-such-user/zoom/disconnect')).status).toBe(404);
    });

    test('the audit list is newest first and paginated', async () => {
      const admin = await signInAs(stack().api, 'admin');
      const interviewer = await signInAs(stack().api, 'interviewer');
      await connectZoom(interviewer.agent);
      await interviewer.agent.post('/api/zoom/disconnect').expect(200);

      const page1 = await admin.agent.get('/api/admin/audit/events').query({ type: 'zoom', limit: 1 }).expect(200);
      const page2 = await admin.agent.get('/api/admin/audit/events').query({ type: 'zoom', limit: 1, cursor: page1.body.nextCursor }).expect(200);

      expect(page1.body.events).toHaveLength(1);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      expect(page1.body.events[0].type).toBe('zoom.disconnected');
      expect(page2.body.events[0].type).toBe('zoom.connected');
      expect(Date.parse(page1.body.events[0].at)).toBeGreaterThanOrEqual(Date.parse(page2.body.events[0].at));
      expect((await admin.agent.get('/api/admin/audit/events?limit=1000')).status).toBe(400);
    });
  });

  test('across a whole lifecycle, no token, authorization code or client secret appears in any API response, log line or stored document', async () => {
    const responses: Response[] = [];
    const admin = await signInAs(stack().api, 'admin');
    const { agent, user } = await signInAs(stack().api, 'interviewer');
    responses.push(...(await connectZoom(agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).responses);
    responses.push(await agent.get('/api/zoom/status'));
    await stack().api.deps.userAccessTokens.forUser(user.id).getAccessToken({ forceRefresh: true });
    responses.push(await admin.agent.get('/api/admin/zoom/connections'));
    responses.push(await admin.agent.get('/api/admin/audit/events'));
    responses.push(...(await connectZoom(agent, { zoomUserId: SIMULATED_ZOOM_USERS['interviewer2@example.com']!.id, decision: 'deny' })).responses);
    responses.push(await agent.post('/api/zoom/disconnect'));
    responses.push(await agent.get('/api/zoom/status'));

    const secrets = stack().secrets();
    expect(stack().zoom.control.issuedSecrets().length).toBeGreaterThanOrEqual(5);
    for (const response of responses) expect(leakedSecrets(responseText(response), secrets)).toEqual([]);
    expect(leakedSecrets(stack().api.logs.text(), secrets)).toEqual([]);
    expect(leakedSecrets(rawMemoryStoreText(stack().api.store), secrets)).toEqual([]);
  });
});
