import nodemailer from 'nodemailer';
import { startMailSink, type MailSink } from '../src/index';

describe('mail sink', () => {
  let sink: MailSink;
  beforeEach(async () => {
    sink = await startMailSink({ web: { port: 0 } });
  });
  afterEach(() => sink.close());

  test('a message sent over SMTP is kept parsed, listed in the web inbox, and its invite downloads with its calendar type', async () => {
    const transport = nodemailer.createTransport(sink.smtpUrl);
    await transport.sendMail({
      from: 'crm@example.test',
      to: { name: 'Zoë <Ørsted>', address: 'zoe@candidate.example' },
      subject: 'Invitation: <b>Interview</b>',
      text: 'Hello',
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    });

    const [mail] = await sink.waitForMessages(1);
    expect(mail).toMatchObject({ envelopeTo: ['zoe@candidate.example'], subject: 'Invitation: <b>Interview</b>', text: 'Hello' });
    expect(mail!.attachments).toEqual([{ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST; name=invite.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }]);

    const list = await (await fetch(sink.inboxUrl!)).text();
    expect(list).toContain('Invitation: &lt;b&gt;Interview&lt;/b&gt;');
    expect(list).not.toContain('<b>Interview</b>');
    const view = await fetch(new URL(`/messages/${mail!.id}`, sink.inboxUrl!));
    expect(view.status).toBe(200);
    const download = await fetch(new URL(`/messages/${mail!.id}/attachments/0`, sink.inboxUrl!));
    expect(download.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST; name=invite.ics');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="invite.ics"');
    expect(await download.text()).toContain('BEGIN:VCALENDAR');
    expect((await fetch(new URL('/messages/00000000-0000-0000-0000-000000000000', sink.inboxUrl!))).status).toBe(404);
  });
});
