import type { Logger } from 'pino';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import type { InterviewDeps } from '../domain/interviews/interview-deps';
import { queueRehostsForUnreachableHosts } from '../domain/interviews/queue-rehosts-for-unreachable-hosts';
import { syncInterviewMeeting } from '../domain/interviews/sync-interview-meeting';

export const MEETING_WORKER_LEASE = 'meeting-sync-worker';

export interface MeetingSyncWorker {
  /** Runs a pass every interval until stop(); only the composition root calls it (with BACKGROUND_JOBS). */
  start(): void;
  /** One pass: claims and syncs every pending meeting that is due. Returns how many it handled. */
  runOnce(): Promise<number>;
  /** Stops the timer, waits for the pass in progress and gives up the lease. */
  stop(): Promise<void>;
}

/**
 * Moves meetings off connections that ended, and retries queued meeting changes (create, reschedule,
 * cancel) until Zoom accepts them or refuses for
 * good. One process at a time runs it (a lease in the store); each meeting is also claimed
 * individually, so a request syncing the same interview never races the worker.
 */
export function createMeetingSyncWorker(options: {
  deps: InterviewDeps;
  leases: JobLeaseRepository;
  intervalMs: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Meetings synced in parallel within a pass; Zoom's per-second limits make more pointless. */
  concurrency?: number;
}): MeetingSyncWorker {
  const { deps, leases, intervalMs, logger } = options;
  const concurrency = options.concurrency ?? 4;
  const leaseTtlMs = Math.max(intervalMs * 3, deps.claimTtlMs);
  let running: Promise<number> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  async function pass(): Promise<number> {
    if (!(await leases.acquire(MEETING_WORKER_LEASE, deps.owner, leaseTtlMs))) return 0;
    // Meetings whose host's connection ended (by any route) move to the organisation's account.
    await queueRehostsForUnreachableHosts(deps);
    let handled = 0;
    const lane = async () => {
      while (!stopped) {
        const now = deps.clock.now();
        const claimed = await deps.interviews.claimNextDue(deps.owner, new Date(now.getTime() + deps.claimTtlMs), now);
        if (!claimed) return;
        handled += 1;
        // A meeting the worker created or changed (a join link that was pending, a new one) reaches the attendees too.
        await deps.onInterviewChanged(await syncInterviewMeeting(deps, claimed, deps.owner));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return handled;
  }

  function runOnce(): Promise<number> {
    running ??= pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'meeting sync pass failed; will try again');
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
      // Best effort: with the store unreachable the lease simply lapses, and shutting down must not fail.
      await leases.release(MEETING_WORKER_LEASE, deps.owner).catch(() => undefined);
    },
  };
}
