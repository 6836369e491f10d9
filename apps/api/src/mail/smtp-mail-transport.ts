import nodemailer, { type Transporter } from 'nodemailer';
import { MailFailure, type MailTransport, type OutgoingMail } from '../domain/ports/mail-transport';

const HEADER_BREAK = /[\r\n]/;

/** SMTP reply codes 4xx are "try again later"; 5xx are final. No reply code means the server was not reached. */
function toMailFailure(error: unknown): MailFailure {
  const details = (typeof error === 'object' && error !== null ? error : {}) as { responseCode?: number; code?: string; message?: string };
  const permanent = (details.responseCode !== undefined && details.responseCode >= 500) || details.code === 'EENVELOPE' || details.code === 'EMESSAGE';
  return new MailFailure({ retryable: !permanent, message: `${details.code ?? 'smtp_error'}${details.responseCode ? ` ${details.responseCode}` : ''}: ${details.message ?? 'the mail server did not accept the message'}`, cause: error });
}

/** Sends through the SMTP server of SMTP_URL with nodemailer (which encodes non-ASCII headers and folds long ones). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(options: { url: string; from: string; timeoutMs?: number }) {
    const timeout = options.timeoutMs ?? 15_000;
    this.transporter = nodemailer.createTransport(options.url, { from: options.from });
    Object.assign(this.transporter.options, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  }

  async send(mail: OutgoingMail): Promise<void> {
    // Addresses and names were validated on the way in; refuse anyway rather than let a line break become a header.
    if (HEADER_BREAK.test(mail.to.email) || HEADER_BREAK.test(mail.to.name) || HEADER_BREAK.test(mail.subject)) {
      throw new MailFailure({ retryable: false, message: 'refused: a header value contains a line break' });
    }
    const calendar = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
    try {
      await this.transporter.sendMail({
        messageId: mail.messageId,
        to: { name: mail.to.name, address: mail.to.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content })),
        // Calendar clients show Accept/Decline for a text/calendar alternative carrying the same METHOD (RFC 6047).
        ...(calendar ? { alternatives: [{ contentType: calendar.contentType, content: calendar.content }] } : {}),
      });
    } catch (error) {
      throw toMailFailure(error);
    }
  }

  close(): void {
    this.transporter.close();
  }
}
