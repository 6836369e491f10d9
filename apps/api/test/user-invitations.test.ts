import request from 'supertest';
import type { AuditSearchResponse } from '@crm/shared/audit';
import { signInAs, startTestApi, type TestApi } from './support/start-test-api';

describe('admins invite users', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function inviteLink(email: string): Promise<string> {
    const message = (await api.store.outbox.listRecent(50)).find((m) => m.to.email === email && m.kind === 'account_invite');
    const link = /http:\/\/localhost:5173\/set-password\?token=\S+/.exec(message?.text ?? '')?.[0];
    if (!link) throw new Error(`no invitation email to ${email}`);
    return new URL(link).searchParams.get('token')!;
  }

  test('an invited person sets a password with the emailed one-time link and signs in; the link then stops working', async () => {
    const admin = await signInAs(api, 'admin');
    const invited = await admin.agent.post('/api/admin/users/invite').send({ name: 'Grace Hopper', email: 'grace@example.test', role: 'recruiter' }).expect(201);
    expect(invited.body).toMatchObject({ user: { email: 'grace@example.test', role: 'recruiter', active: true }, emailQueued: true });
    const token = await inviteLink('grace@example.test');

    const anon = request(api.url);
    await anon.post('/api/auth/set-password').set('origin', 'http://localhost:5173').send({ token, password: 'a-brand-new-password-1' }).expect(204);
    await anon.post('/api/auth/login').set('origin', 'http://localhost:5173').send({ email: 'grace@example.test', password: 'a-brand-new-password-1' }).expect(200);
    const reused = await anon.post('/api/auth/set-password').set('origin', 'http://localhost:5173').send({ token, password: 'someone-elses-password-2' });
    expect(reused.status).toBe(400);

    const { events } = (await admin.agent.get('/api/admin/audit/events').query({ subjectUserId: invited.body.user.id }).expect(200)).body as AuditSearchResponse;
    expect(events.map((event) => event.sentence).reverse()).toEqual([
      `${admin.user.name} invited Grace Hopper (grace@example.test) as recruiter with a set-password link.`,
      'Grace Hopper (grace@example.test) changed their password from an invitation link; their other sessions ended.',
      'Grace Hopper (grace@example.test) signed in with a password.',
    ]);
  });

  test('"Resend invite" voids the earlier link; an SSO-only invitation sends no email', async () => {
    const admin = await signInAs(api, 'admin');
    const invited = await admin.agent.post('/api/admin/users/invite').send({ name: 'Alan Turing', email: 'alan@example.test', role: 'interviewer' }).expect(201);
    const first = await inviteLink('alan@example.test');
    await admin.agent.post(`/api/admin/users/${invited.body.user.id}/resend-invite`).expect(200);
    const second = await inviteLink('alan@example.test');
    expect(second).not.toBe(first);
    const anon = request(api.url);
    expect((await anon.post('/api/auth/set-password').set('origin', 'http://localhost:5173').send({ token: first, password: 'a-brand-new-password-1' })).status).toBe(400);
    await anon.post('/api/auth/set-password').set('origin', 'http://localhost:5173').send({ token: second, password: 'a-brand-new-password-1' }).expect(204);

    const ssoOnly = await admin.agent.post('/api/admin/users/invite').send({ name: 'Ada Lovelace', email: 'ada.l@example.test', role: 'interviewer', ssoOnly: true }).expect(201);
    expect(ssoOnly.body.emailQueued).toBe(false);
    expect((await api.store.outbox.listRecent(50)).some((m) => m.to.email === 'ada.l@example.test')).toBe(false);
  });

  test('only admins invite, and an email already in use is refused', async () => {
    const recruiter = await signInAs(api, 'recruiter');
    await recruiter.agent.post('/api/admin/users/invite').send({ name: 'X', email: 'x@example.test', role: 'interviewer' }).expect(403);
    const admin = await signInAs(api, 'admin');
    const taken = await admin.agent.post('/api/admin/users/invite').send({ name: 'Again', email: admin.user.email, role: 'interviewer' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
  });
});
