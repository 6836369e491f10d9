/**
 * Reconnect reminders, driven by the test clock: the reminder job (what start-api.ts runs on a timer)
 * writes to the outbox, the outbox worker sends over real SMTP to the mail sink, and the banner endpoint
 * shows the same interviews to the interviewer.
 */
import { startMailSink, type MailSink } from '@crm/mail-sink';
import type { Agent } from 'supertest';
import type { ZoomReconnectRemindersResponse } from '@crm/shared/reminders';
import { sendZoomReconnectReminders } from '../src/domain/reminders/send-zoom-reconnect-reminders';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';
import { signInAs, type TestApi } from './support/start-test-api';
import { connectZoom, leakedSecrets, SIMULATED_INTERVIEWER, startTestStack, type TestStack } from './support/start-test-stack';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A start time `hoursAhead` from the API's clock, as the API accepts it (whole seconds, UTC). */
function startIn(api: TestApi, hoursAhead: number): string {
  return new Date(api.clock.now().getTime() + hoursAhead * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function remindersOf(agent: Agent): Promise<ZoomReconnectRemindersResponse['reminders']> {
  const response = await agent.get('/api/reminders/zoom-reconnect').expect(200);
  return (response.body as ZoomReconnectRemindersResponse).reminders;
}

describe('Zoom reconnect reminders', () => {
  let sink: MailSink;
  let stack: TestStack;

  beforeEach(async () => {
    sink = await startMailSink();
    stack = await startTestStack({ env: { ...S2S_ENV, SMTP_URL: sink.smtpUrl, MAIL_FROM: 'Interview CRM <interviews@crm.example>' } });
  });
  afterEach(async () => {
    await stack.close();
    await sink.close();
  });

  const runReminders = (api: TestApi = stack.api) => api.deps.reminders.job.runOnce();
  const runOutbox = (api: TestApi = stack.api) => api.deps.invitations.outboxWorker!.runOnce();
  const reminderMails = () => sink.messages().filter((mail) => mail.subject.startsWith('Reconnect Zoom before your interview'));

  async function interviewIn(hoursAhead: number, overrides: { interviewer?: Awaited<ReturnType<typeof signInAs>> } = {}) {
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = overrides.interviewer ?? (await signInAs(stack.api, 'interviewer'));
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { startTime: startIn(stack.api, hoursAhead) }));
    // The invitations go out first, so what follows counts reminders only.
    await runOutbox();
    return { recruiter, interviewer, interview };
  }

  test('an unconnected interviewer is reminded once at T-24h: not before, not again on the next pass, after a restart or from another instance', async () => {
    const { interviewer, interview } = await interviewIn(30);
    expect(interview.meeting.hostSource).toBe('system');

    expect(await runReminders()).toBe(0);
    stack.api.clock.advance(5 * HOUR + 59 * MINUTE); // T-24h01m
    expect(await runReminders()).toBe(0);
    expect(await remindersOf(interviewer.agent)).toEqual([]);

    stack.api.clock.advance(2 * MINUTE); // T-23h59m
    expect(await runReminders()).toBe(1);
    expect(await runOutbox()).toBe(1);
    const [mail] = await sink.waitForMessages(3).then(() => reminderMails());
    expect(mail!.envelopeTo).toEqual([interviewer.user.email]);
    expect(await remindersOf(interviewer.agent)).toEqual([
      { interviewId: interview.id, candidateName: interview.candidateName, position: 'Backend Engineer', startTime: interview.startTime, timeZone: 'Europe/Berlin', zoomState: 'not_connected' },
    ]);

    // The next pass, and the pass of a second instance on the same store, find it already written.
    expect(await runReminders()).toBe(0);
    const other = await stack.startAnotherApi();
    const concurrently = await Promise.all([sendZoomReconnectReminders(stack.api.deps.reminders.deps), sendZoomReconnectReminders(other.deps.reminders.deps)]);
    expect(concurrently).toEqual([0, 0]);

    // A restart: this process stops (giving up its lease), a new one takes over the same store.
    await stack.api.close();
    const restarted = await stack.startAnotherApi();
    stack.api.clock.advance(HOUR);
    expect(await runReminders(restarted)).toBe(0);
    expect(await runOutbox(restarted)).toBe(0);
    expect(reminderMails()).toHaveLength(1);
  });

  test('two instances that find the same reminder due at once write it once', async () => {
    await interviewIn(23);
    const other = await stack.startAnotherApi();
    // Past the job lease on purpose: the outbox's idempotency key alone keeps it to one.
    const queued = await Promise.all([sendZoomReconnectReminders(stack.api.deps.reminders.deps), sendZoomReconnectReminders(other.deps.reminders.deps)]);
    expect(queued.sort()).toEqual([0, 1]);
    await runOutbox();
    expect(reminderMails()).toHaveLength(1);
  });

  test('when the interviewer reconnected before T-24h, no reminder is sent and no banner shows', async () => {
    const interviewer = await signInAs(stack.api, 'interviewer');
    await interviewIn(30, { interviewer });
    expect((await connectZoom(interviewer.agent)).result).toBe('connected');

    stack.api.clock.advance(7 * HOUR);
    expect(await runReminders()).toBe(0);
    expect(await runOutbox()).toBe(0);
    expect(reminderMails()).toHaveLength(0);
    expect(await remindersOf(interviewer.agent)).toEqual([]);
  });

  test('a cancelled interview is never reminded about', async () => {
    const { recruiter, interviewer, interview } = await interviewIn(30);
    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);

    stack.api.clock.advance(7 * HOUR);
    expect(await runReminders()).toBe(0);
    expect(await remindersOf(interviewer.agent)).toEqual([]);
  });

  test('a needs_reconnect interviewer gets an email saying why, with the Account Settings link and no meeting link or token', async () => {
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).result).toBe('connected');
    const { interview } = await interviewIn(20, { interviewer });
    // Zoom stops accepting the connection after the meeting was made on the interviewer's own account.
    expect(await stack.api.store.zoomConnections.markNeedsReconnect(interviewer.user.id, 'Zoom refused the refresh token')).toBe(true);

    expect(await runReminders()).toBe(1);
    expect(await runOutbox()).toBe(1);
    const [mail] = reminderMails();
    const meetingAtZoom = stack.zoom.control.meetings().find((meeting) => String(meeting.id) === interview.meeting.zoomMeetingId)!;

    expect(mail!.subject).toMatch(new RegExp(`^Reconnect Zoom before your interview with ${interview.candidateName} \\(.+ Europe/Berlin\\)$`));
    expect(mail!.text).toContain('Zoom no longer accepts your connection to Interview CRM');
    expect(mail!.text).toContain("hosted on the organisation's Zoom account (the system account)");
    expect(mail!.text).toContain('(Europe/Berlin)');
    expect(mail!.text).toContain('(UTC)');
    expect(mail!.text).toContain('Reconnect Zoom in Account Settings: http://localhost:5173/settings/account');
    expect(mail!.html).toContain('<a href="http://localhost:5173/settings/account">Reconnect Zoom in Account Settings</a>');
    expect(mail!.attachments).toEqual([]);
    for (const link of [meetingAtZoom.start_url, meetingAtZoom.join_url]) expect(mail!.raw).not.toContain(link);
    expect(leakedSecrets(mail!.raw, stack.secrets())).toEqual([]);
    expect(await remindersOf(interviewer.agent)).toEqual([expect.objectContaining({ interviewId: interview.id, zoomState: 'needs_reconnect' })]);
  });

  test('a name with a line break cannot add a header, and HTML in names is escaped', async () => {
    // Stored as is by a path that skips the API's own refusal (an import, an older version).
    const hostile = await stack.api.store.users.create({ name: 'Mallory\r\nBcc: victim@evil.example <b>x</b>', email: 'mallory@example.test', role: 'interviewer', passwordHash: 'x' });
    const recruiter = await signInAs(stack.api, 'recruiter');
    await scheduleOverHttp(recruiter.agent, interviewRequest(hostile.id, { startTime: startIn(stack.api, 20), candidateName: 'Eve <script>alert(1)</script>' }));
    await runOutbox();

    expect(await runReminders()).toBe(1);
    expect(await runOutbox()).toBe(1);
    const [mail] = reminderMails();
    const headerBlock = mail!.raw.slice(0, mail!.raw.search(/\r?\n\r?\n/));
    expect(mail!.envelopeTo).toEqual(['mallory@example.test']);
    expect(headerBlock).not.toMatch(/^bcc:/im);
    expect(mail!.raw).not.toContain('victim@evil.example\r\n');
    expect(mail!.text).toContain('Hello Mallory Bcc: victim@evil.example <b>x</b>,');
    expect(mail!.html).toContain('Hello Mallory Bcc: victim@evil.example &lt;b&gt;x&lt;/b&gt;,');
    expect(mail!.html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.html).not.toContain('<script>');
  });

  test('without the organisation fallback account there is nothing to remind about', async () => {
    await stack.close();
    stack = await startTestStack({ env: { SMTP_URL: sink.smtpUrl } });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const now = stack.api.clock.now();
    // Stored directly: without a fallback account the API would not get a meeting for it at all.
    await stack.api.store.interviews.create({
      ...interviewRequest(interviewer.user.id),
      startTime: new Date(now.getTime() + 2 * HOUR),
      notes: '',
      agenda: '',
      createdById: recruiter.user.id,
      claim: { owner: 'test', expiresAt: now },
    });

    expect(await runReminders()).toBe(0);
    expect(await remindersOf(interviewer.agent)).toEqual([]);
  });
});
