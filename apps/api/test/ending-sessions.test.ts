import request from 'supertest';
import { signIn, signInAs, TEST_PASSWORD } from './support/start-test-api';
import { connectZoom, useTestStack } from './support/start-test-stack';

async function revokesAtSimulator(zoomUrl: string): Promise<number> {
  // The simulator's HTTP control API, as another process would read it.
  const response = await request(zoomUrl).get('/__sim/requests').expect(200);
  return (response.body as { endpoint: string }[]).filter((r) => r.endpoint === 'oauth.revoke').length;
}

describe('sessions that can be ended', () => {
  const stack = useTestStack();

  test('when an admin deactivates a user, the user’s next request is refused with 401, their Zoom token is revoked at Zoom and both events are audited', async () => {
    const { agent: admin, user: adminUser } = await signInAs(stack().api, 'admin');
    const { agent: interviewer, user } = await signInAs(stack().api, 'interviewer');
    await connectZoom(interviewer);
    await interviewer.get('/api/auth/me').expect(200);
    const revokesBefore = await revokesAtSimulator(stack().zoom.url);

    const response = await admin.post(`/api/admin/users/${user.id}/deactivate`);

    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: user.id, active: false });
    const next = await interviewer.get('/api/auth/me');
    expect(next.status).toBe(401);
    expect(next.body.error.code).toBe('unauthenticated');
    expect(await revokesAtSimulator(stack().zoom.url)).toBe(revokesBefore + 1);
    expect((await stack().api.store.users.findById(user.id))?.zoomConnectionState).toBe('not_connected');
    const { events } = await stack().api.store.audit.list({ offset: 0, limit: 10 });
    expect(events.find((e) => e.type === 'user.deactivated')).toMatchObject({ actor: { userId: adminUser.id, kind: 'user' }, subject: { userId: user.id } });
    expect(events.find((e) => e.type === 'zoom.disconnected')).toMatchObject({ subject: { userId: user.id }, details: { by: 'admin', revokeAtZoom: 'requested' } });
  });

  test('a deactivated user cannot sign in even with the right password; after reactivation they can', async () => {
    const { agent: admin } = await signInAs(stack().api, 'admin');
    const { user } = await signInAs(stack().api, 'recruiter');
    await admin.post(`/api/admin/users/${user.id}/deactivate`).expect(200);

    const refused = await request(stack().api.url).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('account_deactivated');
    const wrongPassword = await request(stack().api.url).post('/api/auth/login').send({ email: user.email, password: 'not-the-password-1' });
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');

    const reactivated = await admin.post(`/api/admin/users/${user.id}/reactivate`);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.user.active).toBe(true);
    const { agent } = await signIn(stack().api, user.email);
    await agent.get('/api/auth/me').expect(200);
    const { events } = await stack().api.store.audit.list({ offset: 0, limit: 10 });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated']));
  });

  test('deactivation on one instance ends the session on another instance within SESSION_CHECK_CACHE_MS', async () => {
    const other = await stack().startAnotherApi();
    try {
      const { agent: admin } = await signInAs(stack().api, 'admin');
      const { user } = await signInAs(stack().api, 'interviewer');
      // Same user, signed in through the other instance, which reads the user's status once and keeps it briefly.
      const onOther = await signIn(other, user.email);
      await onOther.agent.get('/api/auth/me').expect(200);

      await admin.post(`/api/admin/users/${user.id}/deactivate`).expect(200);
      // The staleness is bounded: once the cache time has passed, the other instance sees the change.
      other.clock.advance(other.deps.env.SESSION_CHECK_CACHE_MS);

      expect((await onOther.agent.get('/api/auth/me')).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  test('sign out everywhere ends every session of the user, in every browser, and only theirs', async () => {
    const { agent: first, user } = await signInAs(stack().api, 'interviewer');
    const { agent: second } = await signIn(stack().api, user.email);
    const { agent: someoneElse } = await signInAs(stack().api, 'interviewer');

    const response = await first.post('/api/auth/sign-out-everywhere');

    expect(response.status).toBe(204);
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    await someoneElse.get('/api/auth/me').expect(200);
    const { agent: again } = await signIn(stack().api, user.email);
    await again.get('/api/auth/me').expect(200);
  });

  test('a password change ends the other sessions, keeps this browser signed in, and the new password is the one that works', async () => {
    const { agent: here, user } = await signInAs(stack().api, 'recruiter');
    const { agent: elsewhere } = await signIn(stack().api, user.email);
    const newPassword = 'a-brand-new-password-42';

    const wrong = await here.post('/api/auth/password').send({ currentPassword: 'not-it-at-all-1', newPassword });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    await here.get('/api/auth/me').expect(200);

    const changed = await here.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword });
    expect(changed.status).toBe(200);
    here.set('x-csrf-token', changed.body.csrfToken as string);

    await here.get('/api/auth/me').expect(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await request(stack().api.url).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    await signIn(stack().api, user.email, newPassword);
    const { events } = await stack().api.store.audit.list({ offset: 0, limit: 5 });
    expect(events.some((e) => e.type === 'user.password_changed' && e.subject.userId === user.id)).toBe(true);
  });

  test('a role change ends the user’s sessions; signing in again gives the new role', async () => {
    const { agent: admin } = await signInAs(stack().api, 'admin');
    const { agent: user, user: record } = await signInAs(stack().api, 'interviewer');

    const changed = await admin.put(`/api/admin/users/${record.id}/role`).send({ role: 'recruiter' });

    expect(changed.status).toBe(200);
    expect(changed.body.user.role).toBe('recruiter');
    expect((await user.get('/api/auth/me')).status).toBe(401);
    const { session } = await signIn(stack().api, record.email);
    expect(session.user.role).toBe('recruiter');
    const { events } = await stack().api.store.audit.list({ offset: 0, limit: 5 });
    expect(events.find((e) => e.type === 'user.role_changed')).toMatchObject({ subject: { userId: record.id }, details: { from: 'interviewer', to: 'recruiter' } });
  });

  test('an admin cannot deactivate or demote themselves, and only admins may deactivate anyone', async () => {
    const { agent: admin, user: adminUser } = await signInAs(stack().api, 'admin');
    const { agent: recruiter, user: other } = await signInAs(stack().api, 'recruiter');

    const self = await admin.post(`/api/admin/users/${adminUser.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot_change_own_account');
    expect((await admin.put(`/api/admin/users/${adminUser.id}/role`).send({ role: 'interviewer' })).status).toBe(409);
    expect((await recruiter.post(`/api/admin/users/${other.id}/deactivate`)).status).toBe(403);
    expect((await admin.post('/api/admin/users/no-such-user/deactivate')).status).toBe(404);
    await admin.get('/api/auth/me').expect(200);
  });
});
