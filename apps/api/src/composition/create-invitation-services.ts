import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { InvitationServices } from '../app-deps';
import type { Env } from '../config/env';
import type { Clock } from '../domain/ports/clock';
import type { Store } from '../domain/ports/store';
import { createOutboxWorker } from '../jobs/outbox-worker';
import { SmtpMailTransport } from '../mail/smtp-mail-transport';

/** How often the outbox worker looks for queued emails. */
const OUTBOX_INTERVAL_MS = 2_000;
const SMTP_TIMEOUT_MS = 15_000;

/** Invitations (always), and the SMTP outbox worker when SMTP_URL is set. Starts nothing. */
export function createInvitationServices(env: Env, store: Store, logger: Logger, clock: Clock): InvitationServices {
  const publicUrl = env.WEB_APP_URL.replace(/\/+$/, '');
  const domain = new URL(publicUrl).hostname || 'interview-crm';
  const deps = {
    invitations: store.invitations,
    outbox: store.outbox,
    users: store.users,
    meetingDefaults: store.meetingDefaults,
    clock,
    logger,
    uidDomain: domain,
    emailEnabled: Boolean(env.SMTP_URL),
  };
  const outboxWorker = env.SMTP_URL
    ? createOutboxWorker({
        deps: {
          outbox: store.outbox,
          transport: new SmtpMailTransport({ url: env.SMTP_URL, from: env.MAIL_FROM, timeoutMs: SMTP_TIMEOUT_MS }),
          clock,
          logger,
          owner: `${hostname()}:${process.pid}:${randomUUID()}`,
          claimTtlMs: SMTP_TIMEOUT_MS * 4,
          retryBaseMs: 30_000,
          maxRetryDelayMs: 60 * 60_000,
          // About two days of retries at the capped delay: an outage of a day loses nothing.
          maxAttempts: 50,
          messageIdDomain: domain,
          audit: store.audit,
        },
        leases: store.jobLeases,
        intervalMs: OUTBOX_INTERVAL_MS,
        logger,
      })
    : null;
  return { deps, outboxWorker, publicUrl };
}
