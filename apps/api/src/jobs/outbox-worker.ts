import type { Logger } from 'pino';
import { createLeasedPeriodicJob, type LeasedPeriodicJob } from './leased-periodic-job';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import { deliverNextMessage, type OutboxDeliveryDeps } from '../domain/outbox/deliver-next-message';
import { failingPassesAudit, type AuditedJob } from '../domain/audit/record-job-failure';

export const OUTBOX_WORKER_LEASE = 'mail-outbox-worker' satisfies AuditedJob;

/** Sends every queued email that is due; `runOnce` returns how many were sent. */
export type OutboxWorker = LeasedPeriodicJob;

/**
 * Sends the outbox. One process at a time runs it (a lease in the store) and each message is claimed
 * on its own. A pass stops at the first retryable failure: when the mail server is down, trying the
 * rest of the queue would only pile up attempts.
 */
export function createOutboxWorker(options: { deps: OutboxDeliveryDeps; leases: JobLeaseRepository; intervalMs: number; logger: Pick<Logger, 'error'> }): OutboxWorker {
  const { deps, leases, intervalMs, logger } = options;
  return createLeasedPeriodicJob({
    lease: { name: OUTBOX_WORKER_LEASE, owner: deps.owner, ttlMs: Math.max(intervalMs * 3, deps.claimTtlMs) },
    leases,
    intervalMs,
    logger,
    what: 'outbox pass',
    ...(deps.audit ? { failures: failingPassesAudit({ audit: deps.audit, clock: deps.clock }, OUTBOX_WORKER_LEASE) } : {}),
    async pass(stopped) {
      let sent = 0;
      while (!stopped()) {
        const outcome = await deliverNextMessage(deps);
        if (outcome === 'none_due' || outcome === 'retry') break;
        if (outcome === 'sent') sent += 1;
      }
      return sent;
    },
  });
}
