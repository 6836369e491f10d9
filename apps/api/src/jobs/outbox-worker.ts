import type { Logger } from 'pino';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import { deliverNextMessage, type OutboxDeliveryDeps } from '../domain/outbox/deliver-next-message';

export const OUTBOX_WORKER_LEASE = 'mail-outbox-worker';

export interface OutboxWorker {
  /** Runs a pass every interval until stop(); only the composition root calls it (with BACKGROUND_JOBS and SMTP_URL). */
  start(): void;
  /** One pass: sends every queued email that is due. Returns how many were sent. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Sends the outbox. One process at a time runs it (a lease in the store) and each message is claimed
 * on its own. A pass stops at the first retryable failure: when the mail server is down, trying the
 * rest of the queue would only pile up attempts.
 */
export function createOutboxWorker(options: { deps: OutboxDeliveryDeps; leases: JobLeaseRepository; intervalMs: number; logger: Pick<Logger, 'error'> }): OutboxWorker {
  const { deps, leases, intervalMs, logger } = options;
  const leaseTtlMs = Math.max(intervalMs * 3, deps.claimTtlMs);
  let running: Promise<number> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  async function pass(): Promise<number> {
    if (!(await leases.acquire(OUTBOX_WORKER_LEASE, deps.owner, leaseTtlMs))) return 0;
    let sent = 0;
    while (!stopped) {
      const outcome = await deliverNextMessage(deps);
      if (outcome === 'none_due' || outcome === 'retry') break;
      if (outcome === 'sent') sent += 1;
    }
    return sent;
  }

  function runOnce(): Promise<number> {
    running ??= pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'outbox pass failed; will try again');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    start() {
      if (!timer && !stopped) schedule();
    },
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      // The lease lapses by itself; a store that is down must not stop a shutdown.
      await leases.release(OUTBOX_WORKER_LEASE, deps.owner).catch(() => undefined);
    },
  };
}
