import type { Logger } from 'pino';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';

/** A background job that one process at a time runs every interval, holding a lease in the store. */
export interface LeasedPeriodicJob {
  /** Runs a pass every interval until stop(); only the composition root calls it. */
  start(): void;
  /** One pass now (joining the one in progress, if any); returns what the pass counted. */
  runOnce(): Promise<number>;
  /** Stops the timer, waits for the pass in progress and gives up the lease. */
  stop(): Promise<void>;
}

/**
 * The timer, the lease and the shutdown every background job shares (meeting worker, outbox, reminders,
 * transcript retention, the Zoom event processor). `pass` runs
 * only while this process holds the lease, and checks `stopped()` between items so a stop waits for one
 * item at most.
 */
export function createLeasedPeriodicJob(options: {
  lease: { name: string; owner: string; ttlMs: number };
  leases: JobLeaseRepository;
  intervalMs: number;
  logger: Pick<Logger, 'error'>;
  /** What a failed pass is logged as. */
  what: string;
  pass: (stopped: () => boolean) => Promise<number>;
  /** The first pass runs at start() rather than one interval later (work left by an earlier process is due now). */
  firstPassAtStart?: boolean;
  /** Told of every pass's outcome, e.g. to audit a job that keeps failing (see failingPassesAudit). */
  failures?: { passed(): void; failed(error: unknown): Promise<void> };
}): LeasedPeriodicJob {
  const { lease, leases, intervalMs, logger } = options;
  let running: Promise<number> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let started = false;

  async function pass(): Promise<number> {
    if (!(await leases.acquire(lease.name, lease.owner, lease.ttlMs))) return 0;
    return options.pass(() => stopped);
  }

  function runOnce(): Promise<number> {
    running ??= pass()
      .then((count) => {
        options.failures?.passed();
        return count;
      })
      .catch(async (error: unknown) => {
        logger.error({ err: error }, `${options.what} failed; will try again`);
        await options.failures?.failed(error);
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
      if (started || stopped) return;
      started = true;
      if (options.firstPassAtStart) void runOnce().finally(schedule);
      else schedule();
    },
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      // Best effort: with the store unreachable the lease simply lapses, and shutting down must not fail.
      await leases.release(lease.name, lease.owner).catch(() => undefined);
    },
  };
}
