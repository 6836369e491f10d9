import type { Logger } from 'pino';
import { backoffDelayMs } from '../../retry/backoff';
import { recordJobFailure, type JobAuditDeps } from '../audit/record-job-failure';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import { MailFailure, type MailTransport } from '../ports/mail-transport';
import type { OutboxMessage, OutboxRepository } from '../ports/outbox-repository';

export interface OutboxDeliveryDeps {
  outbox: OutboxRepository;
  transport: MailTransport;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Identifies this process when it claims a message. */
  owner: string;
  /** Longer than one SMTP conversation, so a claim never lapses while its holder still talks to the server. */
  claimTtlMs: number;
  /** First retry delay; doubles per attempt (with jitter) up to maxRetryDelayMs. */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /** Attempts before a message is marked failed for good. */
  maxAttempts: number;
  /** Message-ID right-hand side. */
  messageIdDomain: string;
  /** Where an email given up for good is recorded (once, not per retry). */
  audit?: AuditRepository;
}

export type DeliveryOutcome = 'none_due' | 'sent' | 'retry' | 'failed';

function describe(error: unknown): { retryable: boolean; message: string } {
  if (error instanceof MailFailure) return { retryable: error.retryable, message: error.message };
  return { retryable: true, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Claims the queued email due soonest and hands it to the mail server once. A temporary failure (server
 * down, 4xx) puts it back with a backoff; a permanent one (5xx, bad address) or too many attempts marks it failed.
 */
export async function deliverNextMessage(deps: OutboxDeliveryDeps): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const message = await deps.outbox.claimNextDue(deps.owner, new Date(now.getTime() + deps.claimTtlMs), now);
  if (!message) return 'none_due';
  try {
    await deps.transport.send({ ...mailOf(message), messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${deps.messageIdDomain}>` });
  } catch (error) {
    const failure = describe(error);
    const giveUp = !failure.retryable || message.attempts >= deps.maxAttempts;
    if (giveUp) {
      await deps.outbox.settle(message.id, deps.owner, { status: 'failed', lastError: failure.message });
      deps.logger.warn({ outboxId: message.id, attempts: message.attempts, retryable: failure.retryable }, 'email not delivered; gave up');
      if (deps.audit) await recordEmailGivenUp({ audit: deps.audit, clock: deps.clock }, message, failure);
      return 'failed';
    }
    const waitMs = backoffDelayMs({ baseDelayMs: deps.retryBaseMs, maxDelayMs: deps.maxRetryDelayMs }, message.attempts);
    await deps.outbox.settle(message.id, deps.owner, { status: 'queued', lastError: failure.message, nextAttemptAt: new Date(deps.clock.now().getTime() + waitMs) });
    deps.logger.warn({ outboxId: message.id, attempts: message.attempts, waitMs }, 'email not delivered; will retry');
    return 'retry';
  }
  const settled = await deps.outbox.settle(message.id, deps.owner, { status: 'sent', sentAt: deps.clock.now() });
  if (!settled) deps.logger.error({ outboxId: message.id }, 'email sent but the claim was lost before it was recorded');
  return 'sent';
}

async function recordEmailGivenUp(deps: JobAuditDeps, message: OutboxMessage, failure: { retryable: boolean; message: string }): Promise<void> {
  await recordJobFailure(deps, {
    job: 'mail-outbox-worker',
    subject: { userId: null, email: message.to.email },
    details: { outboxId: message.id, to: message.to.email, subject: message.subject, attempts: message.attempts, permanent: !failure.retryable, message: failure.message.slice(0, 300) },
  });
}

function mailOf(message: OutboxMessage) {
  return { to: message.to, subject: message.subject, text: message.text, html: message.html, attachments: message.attachments };
}
