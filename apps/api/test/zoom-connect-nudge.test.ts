/**
 * The admins' "please connect Zoom" nudge over HTTP: who it reaches (through the outbox, over real SMTP to
 * the mail sink), its limits (429 with when to try again), who may send it and its audit event.
 */
import { startMailSink, type MailSink } from '@crm/mail-sink';
import type { ZoomNudgeRefusalDetails, ZoomNudgeResponse } from '@crm/shared/reminders';
import type { AuditSearchResponse } from '@crm/shared/audit';
import { S2S_ENV } from './support/meeting-test-helpers';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_ZOOM_USERS, startTestStack, type TestStack } from './support/start-test-stack';

const HOUR = 60 * 60_000;
const NUDGE = '/api/admin/zoom/nudge';

describe('the "please connect Zoom" nudge', () => {
  let sink: MailSink;
  let stack: TestStack;

  beforeEach(async () => {
    sink = await startMailSink();
    stack = await startTestStack({ env: { ...S2S_ENV, SMTP_URL: sink.smtpUrl } });
  });
  afterEach(async () => {
    await stack.close();
    await sink.close();
  });

  const runOutbox = () => stack.api.deps.invitations.outboxWorker!.runOnce();
  const nudgeMails = () => sink.messages().filter((mail) => mail.subject === 'Please connect your Zoom account to Interview CRM');

  /** One person in every situation the nudge must tell apart. */
  async function organisation() {
    const admin = await signInAs(stack.api, 'admin');
    const otherAdmin = await signInAs(stack.api, 'admin');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const notConnected = await signInAs(stack.api, 'interviewer');
    const needsReconnect = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(needsReconnect.agent, { zoomUserId: SIMULATED_ZOOM_USERS['interviewer2@example.com']!.id })).result).toBe('connected');
    expect(await stack.api.store.zoomConnections.markNeedsReconnect(needsReconnect.user.id, 'Zoom refused the refresh token')).toBe(true);
    const connected = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(connected.agent, { zoomUserId: SIMULATED_ZOOM_USERS['interviewer@example.com']!.id })).result).toBe('connected');
    const deactivated = await signInAs(stack.api, 'interviewer');
    await stack.api.store.users.changeAccount(deactivated.user.id, { active: false });
    return { admin, otherAdmin, recruiter, notConnected, needsReconnect, connected, deactivated };
  }

  test('a nudge emails exactly the active interviewers whose Zoom is not connected, once each, and is audited with the count', async () => {
    const people = await organisation();

    const response = await people.admin.agent.post(NUDGE).expect(200);
    const body = response.body as ZoomNudgeResponse;
    expect(body).toEqual({ nudged: 2, skippedRecentlyNudged: 0, nextNudgeAt: expect.any(String) });
    expect(new Date(body.nextNudgeAt).getTime() - stack.api.clock.now().getTime()).toBeGreaterThan(HOUR - 60_000);

    expect(await runOutbox()).toBe(2);
    expect(await runOutbox()).toBe(0);
    const mails = nudgeMails();
    expect(mails.flatMap((mail) => mail.envelopeTo).sort()).toEqual([people.notConnected.user.email, people.needsReconnect.user.email].sort());
    const toNeedsReconnect = mails.find((mail) => mail.envelopeTo.includes(people.needsReconnect.user.email))!;
    expect(toNeedsReconnect.text).toContain(`${people.admin.user.name} asks you to connect your Zoom account`);
    expect(toNeedsReconnect.text).toContain('Zoom no longer accepts your connection to Interview CRM');
    expect(toNeedsReconnect.text).toContain('Connect Zoom in Account Settings: http://localhost:5173/settings/account');
    expect(toNeedsReconnect.attachments).toEqual([]);

    const audit = (await people.admin.agent.get('/api/admin/audit/events?limit=100').expect(200)).body as AuditSearchResponse;
    const nudges = audit.events.filter((event) => event.type === 'zoom.nudge_sent');
    expect(nudges).toHaveLength(1);
    expect(nudges[0]).toMatchObject({
      actor: { userId: people.admin.user.id, email: people.admin.user.email, kind: 'user' },
      details: { nudged: 2, skippedRecentlyNudged: 0 },
      requestId: expect.any(String),
    });
  });

  test('a second nudge by the same admin within the hour is refused with 429, the code and when it may be sent again', async () => {
    const { admin } = await organisation();
    const first = (await admin.agent.post(NUDGE).expect(200)).body as ZoomNudgeResponse;
    stack.api.clock.advance(10 * 60_000);

    const refused = await admin.agent.post(NUDGE).expect(429);

    expect(refused.body.error.code).toBe('rate_limited');
    const details = refused.body.error.details as ZoomNudgeRefusalDetails;
    expect(details).toEqual({ reason: 'zoom_nudge_too_soon', retryAt: first.nextNudgeAt, retryAfterSeconds: expect.any(Number) });
    expect(details.retryAfterSeconds).toBeGreaterThan(49 * 60);
    expect(details.retryAfterSeconds).toBeLessThanOrEqual(50 * 60);
    expect(refused.headers['retry-after']).toBe(String(details.retryAfterSeconds));
    await runOutbox();
    expect(nudgeMails()).toHaveLength(2);
    const audit = (await admin.agent.get('/api/admin/audit/events?limit=100').expect(200)).body as AuditSearchResponse;
    expect(audit.events.filter((event) => event.type === 'zoom.nudge_sent')).toHaveLength(1);
  });

  test('nobody is nudged twice within 24 h, whichever admin sends it; after 24 h they are nudged again', async () => {
    const { admin, otherAdmin } = await organisation();
    await admin.agent.post(NUDGE).expect(200);

    expect((await otherAdmin.agent.post(NUDGE).expect(200)).body).toMatchObject({ nudged: 0, skippedRecentlyNudged: 2 });
    stack.api.clock.advance(HOUR + 60_000);
    expect((await admin.agent.post(NUDGE).expect(200)).body).toMatchObject({ nudged: 0, skippedRecentlyNudged: 2 });
    stack.api.clock.advance(23 * HOUR);
    expect((await admin.agent.post(NUDGE).expect(200)).body).toMatchObject({ nudged: 2, skippedRecentlyNudged: 0 });

    await runOutbox();
    expect(nudgeMails()).toHaveLength(4);
  });

  test('recruiters and interviewers may not nudge (403)', async () => {
    const { recruiter, notConnected, connected } = await organisation();
    for (const person of [recruiter, notConnected, connected]) expect((await person.agent.post(NUDGE).expect(403)).body.error.code).toBe('forbidden');
    await stack.api.deps.invitations.outboxWorker!.runOnce();
    expect(nudgeMails()).toHaveLength(0);
  });

  test('without SMTP a nudge is refused with 503 and does not use up the hour', async () => {
    await stack.close();
    stack = await startTestStack({ env: S2S_ENV });
    const admin = await signInAs(stack.api, 'admin');
    expect((await admin.agent.post(NUDGE).expect(503)).body.error.code).toBe('service_unavailable');
    expect(await stack.api.store.rateLimits.get(`zoom-nudge-admin:${admin.user.id}`)).toBeNull();
  });
});
