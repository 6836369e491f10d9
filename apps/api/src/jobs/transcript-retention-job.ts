import type { Logger } from 'pino';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import { deleteExpiredTranscripts } from '../domain/recordings/delete-expired-transcripts';
import type { RecordingDeps } from '../domain/recordings/recording-deps';
import { failingPassesAudit, type AuditedJob } from '../domain/audit/record-job-failure';
import type { AuditRepository } from '../domain/ports/audit-repository';
import { createLeasedPeriodicJob, type LeasedPeriodicJob } from './leased-periodic-job';

export const TRANSCRIPT_RETENTION_LEASE = 'transcript-retention' satisfies AuditedJob;

/** Deletes transcript text past the retention period; one process at a time, every interval. */
export function createTranscriptRetentionJob(options: {
  deps: Pick<RecordingDeps, 'recordings' | 'settings' | 'clock'>;
  leases: JobLeaseRepository;
  owner: string;
  intervalMs: number;
  logger: Pick<Logger, 'error' | 'info'>;
  /** Where a job that keeps failing is recorded. */
  audit?: AuditRepository;
}): LeasedPeriodicJob {
  const { deps, leases, owner, intervalMs, logger } = options;
  return createLeasedPeriodicJob({
    lease: { name: TRANSCRIPT_RETENTION_LEASE, owner, ttlMs: intervalMs * 3 },
    leases,
    intervalMs,
    logger,
    what: 'transcript retention pass',
    ...(options.audit ? { failures: failingPassesAudit({ audit: options.audit, clock: deps.clock }, TRANSCRIPT_RETENTION_LEASE) } : {}),
    async pass() {
      const deleted = await deleteExpiredTranscripts(deps);
      if (deleted > 0) logger.info({ deleted }, 'transcripts past their retention deleted');
      return deleted;
    },
  });
}
