import type { Logger } from 'pino';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import type { ReminderDeps } from '../domain/reminders/reminder-deps';
import { sendZoomReconnectReminders } from '../domain/reminders/send-zoom-reconnect-reminders';
import { failingPassesAudit, type AuditedJob } from '../domain/audit/record-job-failure';
import { createLeasedPeriodicJob, type LeasedPeriodicJob } from './leased-periodic-job';

export const ZOOM_RECONNECT_REMINDER_LEASE = 'zoom-reconnect-reminders' satisfies AuditedJob;

/** Queues the reconnect reminders that fell due; `runOnce` returns how many it queued. */
export type ZoomReconnectReminderJob = LeasedPeriodicJob;

/**
 * Looks for interviews within the reminder lead time whose interviewer's Zoom cannot host them, on a
 * timer, one process at a time (a lease in the store). Sending is the outbox worker's: this job only
 * writes the emails, once each (see send-zoom-reconnect-reminders.ts).
 */
export function createZoomReconnectReminderJob(options: { deps: ReminderDeps; leases: JobLeaseRepository; owner: string; intervalMs: number; logger: Pick<Logger, 'error'> }): ZoomReconnectReminderJob {
  const { deps, leases, owner, intervalMs, logger } = options;
  return createLeasedPeriodicJob({
    lease: { name: ZOOM_RECONNECT_REMINDER_LEASE, owner, ttlMs: intervalMs * 3 },
    leases,
    intervalMs,
    logger,
    what: 'Zoom reconnect reminder pass',
    failures: failingPassesAudit(deps, ZOOM_RECONNECT_REMINDER_LEASE),
    pass: (stopped) => sendZoomReconnectReminders(deps, stopped),
  });
}
