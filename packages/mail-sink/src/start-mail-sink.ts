import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { inboxRequestHandler } from './inbox-pages';

export interface ReceivedAttachment {
  filename: string;
  /** As sent, parameters included (e.g. `text/calendar; charset=utf-8; method=REQUEST`). */
  contentType: string;
  content: string;
}

export interface ReceivedMail {
  id: string;
  receivedAt: Date;
  /** SMTP envelope: who the server was told to deliver to (what a mailbox really receives). */
  envelopeTo: string[];
  envelopeFrom: string | null;
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Every header as parsed, lower-case names. */
  headers: Map<string, unknown>;
  /** Calendar parts included: the attachment and the text/calendar alternative nodemailer adds for calendar clients. */
  attachments: ReceivedAttachment[];
  /** The message exactly as it came over the wire. */
  raw: string;
}

export interface MailSink {
  smtpPort: number;
  /** `smtp://127.0.0.1:<port>` — what SMTP_URL is set to. */
  smtpUrl: string;
  /** The web inbox, when started with `web`. */
  inboxUrl: string | null;
  messages(): ReceivedMail[];
  /** Resolves once `count` messages have arrived (polling; at most `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  close(): Promise<void>;
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return '';
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(', ');
}

/**
 * An SMTP server that accepts every message (no auth, plain SMTP on 127.0.0.1 by default) and keeps it in
 * memory, parsed, plus optionally a web inbox to read them and download their invites.
 */
export async function startMailSink(
  options: {
    smtpPort?: number;
    host?: string;
    web?: { port: number };
    /** Recipients answered with 550 (no such mailbox), as a real server does for a bad address. */
    rejectRecipient?: (address: string) => boolean;
  } = {},
): Promise<MailSink> {
  const host = options.host ?? '127.0.0.1';
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = Object.assign(new Error(`550 5.1.1 <${address.address}>: no such mailbox`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw, { skipTextToHtml: true })
          .then((parsed) => {
            received.push({
              id: randomUUID(),
              receivedAt: new Date(),
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              messageId: parsed.messageId ?? null,
              from: addressText(parsed.from),
              to: addressText(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              headers: parsed.headers,
              attachments: parsed.attachments.map((attachment) => ({
                filename: attachment.filename ?? (attachment.contentType === 'text/calendar' ? 'calendar-part.ics' : 'attachment'),
                contentType: contentTypeOf(attachment.headers.get('content-type'), attachment.contentType),
                content: attachment.content.toString('utf8'),
              })),
              raw,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let web: Server | null = null;
  let inboxUrl: string | null = null;
  if (options.web) {
    web = createServer(inboxRequestHandler(() => received));
    await new Promise<void>((resolve, reject) => {
      web!.once('error', reject);
      web!.listen(options.web!.port, host, () => resolve());
    });
    inboxUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${(web.address() as AddressInfo).port}/`;
  }

  return {
    smtpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    inboxUrl,
    messages: () => [...received],
    async waitForMessages(count, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      return [...received];
    },
    clear() {
      received.length = 0;
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (web) {
        const server = web;
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
      }
    },
  };
}

/** The part's Content-Type with its parameters (mailparser keeps them apart), e.g. the iTIP `method=`. */
function contentTypeOf(header: unknown, fallback: string): string {
  const parsed = header as { value?: string; params?: Record<string, string> } | undefined;
  if (!parsed?.value) return fallback;
  return [parsed.value, ...Object.entries(parsed.params ?? {}).map(([name, param]) => `${name}=${param}`)].join('; ');
}
