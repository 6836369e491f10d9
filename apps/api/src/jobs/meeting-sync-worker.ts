import type { Logger } from 'pino';
import { createLeasedPeriodicJob, type LeasedPeriodicJob } from './leased-periodic-job';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import type { InterviewDeps } from '../domain/interviews/interview-deps';
import { queueRehostsForUnreachableHosts } from '../domain/interviews/queue-rehosts-for-unreachable-hosts';
import { syncInterviewMeeting } from '../domain/interviews/sync-interview-meeting';
import { offerFreedFallbackSlots } from '../domain/interviews/offer-freed-fallback-slots';
import { failingPassesAudit, recordMeetingWorkerGaveUp, type AuditedJob } from '../domain/audit/record-job-failure';

export const MEETING_WORKER_LEASE = 'meeting-sync-worker' satisfies AuditedJob;

/** Claims and syncs every pending meeting that is due; `runOnce` returns how many it handled. */
export type MeetingSyncWorker = LeasedPeriodicJob;

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
  return createLeasedPeriodicJob({
    lease: { name: MEETING_WORKER_LEASE, owner: deps.owner, ttlMs: Math.max(intervalMs * 3, deps.claimTtlMs) },
    leases,
    intervalMs,
    logger,
    what: 'meeting sync pass',
    failures: failingPassesAudit(deps, MEETING_WORKER_LEASE),
    async pass(stopped) {
      // Meetings whose host's connection ended (by any route) move to the organisation's account.
      await queueRehostsForUnreachableHosts(deps);
      // Interviews that found every fallback host busy take a slot that has come free since.
      await offerFreedFallbackSlots(deps);
      let handled = 0;
      const lane = async () => {
        while (!stopped()) {
          const now = deps.clock.now();
          const claimed = await deps.interviews.claimNextDue(deps.owner, new Date(now.getTime() + deps.claimTtlMs), now);
          if (!claimed) return;
          handled += 1;
          const synced = await syncInterviewMeeting(deps, claimed, deps.owner);
          // Given up for good (not a retry): one line in the interview's story.
          if (synced.meeting.status === 'failed' && claimed.meeting.status !== 'failed') {
            // A lost audit line must not keep the attendees from hearing about the change.
            await recordMeetingWorkerGaveUp(deps, synced).catch((error: unknown) => logger.error({ err: error, interviewId: synced.id }, 'could not audit a meeting the worker gave up on'));
          }
          // A meeting the worker created or changed (a join link that was pending, a new one) reaches the attendees too.
          await deps.onInterviewChanged(synced);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
      return handled;
    },
  });
}
