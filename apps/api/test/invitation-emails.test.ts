/**
 * Invitation emails over real SMTP: the API's outbox worker talks to the mail sink (smtp-server, in
 * process on a free 127.0.0.1 port), and the tests read what a mailbox would have received.
 */
import type { AuditSearchResponse } from '@crm/shared/audit';
import { startMailSink, type MailSink, type ReceivedMail } from '@crm/mail-sink';
import type { Agent } from 'supertest';
import { icsText, parseIcs } from './support/parse-ics';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';
import { signInAs } from './support/start-test-api';
import { startTestStack, type TestStack } from './support/start-test-stack';

const HOUR = 60 * 60_000;

describe('invitation emails through the outbox and SMTP', () => {
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

  const runOutbox = () => stack.api.deps.invitations.outboxWorker!.runOnce();
  const calendarPart = (mail: ReceivedMail) => mail.attachments.find((attachment) => /^(invite|cancel)\.ics$/.test(attachment.filename))!;

  async function team() {
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = await signInAs(stack.api, 'interviewer');
    return { recruiter, interviewer };
  }

  async function outboxStatuses(admin: Agent) {
    const response = await admin.get('/api/admin/outbox').expect(200);
    return (response.body.messages as { status: string }[]).map((message) => message.status);
  }

  test('when an interview is scheduled, the candidate and the interviewer each receive one email with the invite attached', async () => {
    const { recruiter, interviewer } = await team();
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { notes: 'INTERNAL: salary band 5' }));

    expect(await runOutbox()).toBe(2);
    const mails = await sink.waitForMessages(2);

    expect(mails.map((mail) => mail.envelopeTo).flat().sort()).toEqual([interview.candidateEmail, interviewer.user.email].sort());
    for (const mail of mails) {
      expect(mail.from).toBe('"Interview CRM" <interviews@crm.example>');
      const ics = calendarPart(mail);
      expect(ics.contentType).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/);
      // The attachment, plus the same invite as a text/calendar alternative for inline Accept/Decline; nothing more.
      expect(mail.attachments.map((attachment) => attachment.filename).sort()).toEqual(['calendar-part.ics', 'invite.ics']);
      expect(mail.attachments.find((attachment) => attachment.filename === 'calendar-part.ics')!.content).toBe(ics.content);
      const parsed = parseIcs(ics.content);
      expect(parsed.method).toBe('REQUEST');
      expect(Number(parsed.event.sequence)).toBe(0);
      expect(mail.text).toContain(interview.meeting.joinUrl!);
      expect(mail.text).toContain(`Passcode: ${interview.meeting.password}`);
      // Both zones written out: the interview's and UTC.
      expect(mail.text).toContain('(Europe/Berlin)');
      expect(mail.text).toContain('(UTC)');
      expect(mail.html).toContain(interview.meeting.joinUrl!.replace(/&/g, '&amp;'));
    }
    const candidateMail = mails.find((mail) => mail.envelopeTo.includes(interview.candidateEmail))!;
    const meetingAtZoom = stack.zoom.control.meetings().find((meeting) => String(meeting.id) === interview.meeting.zoomMeetingId)!;
    // A candidate sees no internal notes, no host account and no start link.
    for (const secret of ['INTERNAL: salary band 5', meetingAtZoom.start_url, interview.meeting.hostZoomEmail!]) expect(candidateMail.raw).not.toContain(secret);
    expect(candidateMail.subject).toBe('Invitation: Interview for Backend Engineer');

    // Nothing is sent twice: another pass finds nothing due.
    expect(await runOutbox()).toBe(0);
    expect(sink.messages()).toHaveLength(2);
  });

  test('a panel interview invites every member: one email each, and each invite lists the whole panel', async () => {
    const { recruiter, interviewer } = await team();
    const second = await signInAs(stack.api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { interviewerId: undefined, interviewerIds: [interviewer.user.id, second.user.id] }));

    expect(await runOutbox()).toBe(3);
    const mails = await sink.waitForMessages(3);

    expect(mails.map((mail) => mail.envelopeTo).flat().sort()).toEqual([interview.candidateEmail, interviewer.user.email, second.user.email].sort());
    for (const mail of mails) {
      const ics = calendarPart(mail).content;
      for (const email of [interview.candidateEmail, interviewer.user.email, second.user.email]) expect(ics.toLowerCase()).toContain(`mailto:${email.toLowerCase()}`);
    }
    const secondMail = mails.find((mail) => mail.envelopeTo.includes(second.user.email))!;
    expect(secondMail.text).toContain(`You are interviewing ${interview.candidateName}`);
  });

  test('a member taken off the panel gets a cancellation naming only them (same UID, the new SEQUENCE, no join link); the others get the update', async () => {
    const { recruiter, interviewer } = await team();
    const second = await signInAs(stack.api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { interviewerId: undefined, interviewerIds: [interviewer.user.id, second.user.id] }));
    expect(await runOutbox()).toBe(3);
    await sink.waitForMessages(3);

    await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ interviewerIds: [interviewer.user.id] }).expect(200);
    expect(await runOutbox()).toBe(3);
    const later = (await sink.waitForMessages(6)).slice(3);

    expect(later.map((mail) => mail.envelopeTo).flat().sort()).toEqual([interview.candidateEmail, interviewer.user.email, second.user.email].sort());
    const removed = later.find((mail) => mail.envelopeTo.includes(second.user.email))!;
    const cancel = parseIcs(calendarPart(removed).content);
    const update = parseIcs(calendarPart(later.find((mail) => mail.envelopeTo.includes(interview.candidateEmail))!).content);
    expect(removed.subject).toBe(`No longer on the panel: Interview: ${interview.candidateName} – ${interview.position}`);
    expect(removed.text).toContain('You are no longer on the panel');
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.event.uid).toBe(update.event.uid);
    expect(Number(cancel.event.sequence)).toBe(1);
    expect(Number(update.event.sequence)).toBe(1);
    expect(calendarPart(removed).content.toLowerCase()).toContain(`mailto:${second.user.email.toLowerCase()}`);
    for (const other of [interview.candidateEmail, interviewer.user.email]) expect(calendarPart(removed).content.toLowerCase()).not.toContain(`mailto:${other.toLowerCase()}`);
    expect(`${removed.text}${calendarPart(removed).content}`).not.toContain(interview.meeting.joinUrl!);
    // Those still invited no longer list the removed member.
    expect(calendarPart(later.find((mail) => mail.envelopeTo.includes(interviewer.user.email))!).content.toLowerCase()).not.toContain(`mailto:${second.user.email.toLowerCase()}`);
  });

  test('a reschedule sends an updated invite (same UID, higher SEQUENCE) and a cancel sends METHOD:CANCEL', async () => {
    const { recruiter, interviewer } = await team();
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    await runOutbox();
    const newStart = new Date(new Date(interview.startTime).getTime() + 3 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ startTime: newStart }).expect(200);
    await runOutbox();
    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);
    await runOutbox();

    const toCandidate = (await sink.waitForMessages(6)).filter((mail) => mail.envelopeTo.includes(interview.candidateEmail));
    const invites = toCandidate.map((mail) => parseIcs(calendarPart(mail).content));

    expect(toCandidate.map((mail) => mail.subject)).toEqual(['Invitation: Interview for Backend Engineer', 'Updated invitation: Interview for Backend Engineer', 'Cancelled: Interview for Backend Engineer']);
    expect(invites.map((invite) => invite.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(invites.map((invite) => Number(invite.event.sequence))).toEqual([0, 1, 2]);
    expect(new Set(invites.map((invite) => invite.event.uid)).size).toBe(1);
    expect((invites[1]!.event.start as Date).toISOString()).toBe(new Date(newStart).toISOString());
    expect(calendarPart(toCandidate[2]!).contentType).toMatch(/method=CANCEL/);
  });

  test('while SMTP is down, 20 schedules send nothing and queue 40 emails; once it is back, all 40 are delivered exactly once', async () => {
    const { recruiter, interviewer } = await team();
    const admin = await signInAs(stack.api, 'admin');
    const port = sink.smtpPort;
    await sink.close();

    const interviews = [];
    for (let index = 0; index < 20; index += 1) interviews.push((await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id))).interview);
    expect(await runOutbox()).toBe(0);
    expect(await runOutbox()).toBe(0);

    const down = await outboxStatuses(admin.agent);
    expect(down).toHaveLength(40);
    expect(down.every((status) => status === 'queued')).toBe(true);

    sink = await startMailSink({ smtpPort: port });
    stack.api.clock.advance(2 * HOUR);
    expect(await runOutbox()).toBe(40);
    expect(await runOutbox()).toBe(0);

    const delivered = await sink.waitForMessages(40);
    expect(delivered).toHaveLength(40);
    const recipients = delivered.map((mail) => `${mail.envelopeTo.join(',')}|${parseIcs(calendarPart(mail).content).event.uid}`);
    expect(new Set(recipients).size).toBe(40);
    for (const interview of interviews) expect(delivered.filter((mail) => mail.envelopeTo.includes(interview.candidateEmail))).toHaveLength(1);
    expect((await outboxStatuses(admin.agent)).every((status) => status === 'sent')).toBe(true);
  });

  test('when Zoom is down at scheduling, the first invite says the link will follow; once the worker creates the meeting, an update carries the join link', async () => {
    const { recruiter, interviewer } = await team();
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 503, times: 20 });
    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(status).toBe(202);
    await runOutbox();
    stack.zoom.control.clearFaults();
    stack.api.clock.advance(HOUR);
    await stack.api.deps.meetings.worker.runOnce();
    await runOutbox();

    const toCandidate = (await sink.waitForMessages(4)).filter((mail) => mail.envelopeTo.includes(interview.candidateEmail));
    expect(toCandidate).toHaveLength(2);
    expect(toCandidate[0]!.text).toContain('The Zoom link will follow in an updated invitation.');
    const updated = parseIcs(calendarPart(toCandidate[1]!).content);
    const joinUrl = (await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview.meeting.joinUrl as string;
    expect(joinUrl).toMatch(/^http/);
    expect(Number(updated.event.sequence)).toBe(1);
    expect(updated.event.location).toBe(joinUrl);
    expect(toCandidate[1]!.subject).toBe('Updated invitation: Interview for Backend Engineer');
  });

  test('a recipient the mail server refuses for good (550) is marked failed at once; the other attendee still gets theirs', async () => {
    await sink.close();
    sink = await startMailSink({ smtpPort: sink.smtpPort, rejectRecipient: (address) => address.startsWith('nobody') });
    const { recruiter, interviewer } = await team();
    const admin = await signInAs(stack.api, 'admin');
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { candidateEmail: 'nobody@candidate.example' }));

    expect(await runOutbox()).toBe(1);

    const messages = (await admin.agent.get('/api/admin/outbox').expect(200)).body.messages as { to: string; status: string; attempts: number; lastError: string | null }[];
    expect(messages.find((message) => message.to === 'nobody@candidate.example')).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/550/) });
    expect(messages.find((message) => message.to === interviewer.user.email)).toMatchObject({ status: 'sent', lastError: null });
    expect(sink.messages().map((mail) => mail.envelopeTo)).toEqual([[interviewer.user.email]]);
    // Given up for good: one audit line (actor: the system), and another pass adds none.
    await runOutbox();
    const jobs = (await admin.agent.get('/api/admin/audit/events').query({ type: 'jobs' }).expect(200)).body as AuditSearchResponse;
    expect(jobs.events).toHaveLength(1);
    expect(jobs.events[0]).toMatchObject({ actor: { kind: 'system' }, subject: { email: 'nobody@candidate.example' }, details: { job: 'mail-outbox-worker', attempts: 1, permanent: true } });
    expect(jobs.events[0]!.sentence).toMatch(/^The email outbox gave up on the email ".+" to nobody@candidate\.example after 1 attempt \(the mail server refused it for good\): .*550.*\.$/);
  });

  describe('hostile and unusual input', () => {
    test('CR/LF in names or emails is refused with 400 (never a 500, never an injected header)', async () => {
      const { recruiter, interviewer } = await team();
      for (const overrides of [
        { candidateName: 'Eve\r\nBcc: victim@evil.example' },
        { candidateName: 'Eve\nX-Injected: 1' },
        { candidateEmail: 'eve@candidate.example\r\nBcc: victim@evil.example' },
        { candidateEmail: 'eve@candidate.example%0d%0aBcc:victim@evil.example' },
        { position: 'Engineer\r\nSubject: pwned' },
        { candidateName: 'x'.repeat(121) },
      ]) {
        const response = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id, overrides));
        expect({ overrides, status: response.status, code: response.body.error?.code }).toEqual({ overrides, status: 400, code: 'validation_failed' });
      }
      await runOutbox();
      expect(sink.messages()).toHaveLength(0);
    });

    test('long, non-ASCII names and a malicious agenda arrive intact and escaped, in a well-formed message', async () => {
      const { recruiter, interviewer } = await team();
      const candidateName = `Zoë Ørsted-Łukasiewicz 山田太郎 ${'Ω'.repeat(80)}`.slice(0, 120);
      const agenda = '<img src=x onerror=alert(1)>\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSubject: injected\r\n\r\n--boundary\r\n"quotes" & ampersands';
      const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { candidateName, agenda, position: 'Ingeniør "Plattform" <lead>' }));

      await runOutbox();
      const mails = await sink.waitForMessages(2);

      expect(mails).toHaveLength(2);
      const candidateMail = mails.find((mail) => mail.envelopeTo.includes(interview.candidateEmail))!;
      expect(candidateMail.to).toContain(candidateName);
      expect(candidateMail.subject).toBe('Invitation: Interview for Ingeniør "Plattform" <lead>');
      expect(candidateMail.headers.has('x-injected')).toBe(false);
      expect(candidateMail.html).not.toContain('<img');
      expect(candidateMail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(candidateMail.text).toContain('"quotes" & ampersands');
      const invite = parseIcs(calendarPart(candidateMail).content);
      expect(invite.events).toHaveLength(1);
      expect(icsText(invite.event.description)).toContain('END:VEVENT');
      // Every header line of the raw message is within SMTP's line limit (folded and encoded by the mailer).
      const head = candidateMail.raw.slice(0, candidateMail.raw.indexOf('\r\n\r\n'));
      expect(head.split('\r\n').every((line) => line.length <= 998)).toBe(true);
      // eslint-disable-next-line no-control-regex -- asserting the header block is 7-bit clean (RFC 2047 encoded)
      expect(/^[\x00-\x7f]*$/.test(head)).toBe(true);
    });
  });
});
