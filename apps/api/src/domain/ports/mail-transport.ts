import type { OutboxAttachment } from './outbox-repository';

export interface OutgoingMail {
  /** Stable per outbox message, so a receiving server can spot a resend. */
  messageId: string;
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  attachments: OutboxAttachment[];
}

/** Why a send failed, as a kind the domain can branch on (the SMTP adapter maps its errors to it). */
export class MailFailure extends Error {
  constructor(
    readonly options: { retryable: boolean; message: string; cause?: unknown },
  ) {
    super(options.message, { cause: options.cause });
    this.name = 'MailFailure';
  }

  get retryable(): boolean {
    return this.options.retryable;
  }
}

/** Sends one email; throws MailFailure. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}
