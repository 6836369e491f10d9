import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { InterviewRecord } from '../ports/interview-repository';
import type { UserRepository } from '../ports/user-repository';
import { recordAuditEvent, SYSTEM_ACTOR } from './record-audit-event';

/** The background jobs whose failures the audit names (their lease names). */
export type AuditedJob = 'meeting-sync-worker' | 'mail-outbox-worker' | 'zoom-reconnect-reminders' | 'transcript-retention' | 'zoom-event-processor';

/** Passes of a periodic job that fail in a row before the audit says so: one outage, one line, not one per retry. */
export const FAILED_PASSES_BEFORE_AUDIT = 3;

export interface JobAuditDeps {
  audit: AuditRepository;
  clock: Clock;
}

/** One `job.failed` line (actor: the system), for an item given up for good or a job failing pass after pass. */
export async function recordJobFailure(
  deps: JobAuditDeps,
  failure: { job: AuditedJob; subject?: { userId: string | null; email: string | null }; details: Record<string, unknown> },
): Promise<void> {
  await recordAuditEvent(deps.audit, {
    type: 'job.failed',
    actor: SYSTEM_ACTOR,
    subject: failure.subject ?? { userId: null, email: null },
    details: { job: failure.job, ...failure.details },
    at: deps.clock.now(),
  });
}

/**
 * The meeting worker gave up on a queued change (Zoom refused it for good, or the interview ended while it
 * kept failing): `meeting.failed` in that interview's story, once, when the meeting turns failed.
 */
export async function recordMeetingWorkerGaveUp(
  deps: JobAuditDeps & { users: Pick<UserRepository, 'findById'> },
  interview: InterviewRecord,
): Promise<void> {
  const interviewer = await deps.users.findById(interview.interviewerId);
  const { meeting } = interview;
  await recordAuditEvent(deps.audit, {
    type: 'meeting.failed',
    actor: SYSTEM_ACTOR,
    subject: { userId: interview.interviewerId, email: interviewer?.email ?? null },
    details: {
      job: 'meeting-sync-worker' satisfies AuditedJob,
      interviewId: interview.id,
      candidateName: interview.candidateName,
      timeZone: interview.timeZone,
      action: meeting.pendingAction ?? 'create',
      attempts: meeting.attempts,
      code: meeting.lastError?.code ?? null,
      message: meeting.lastError?.message ?? null,
    },
    at: deps.clock.now(),
  });
}

/**
 * Counts a periodic job's failed passes and records `job.failed` once per streak, on its
 * FAILED_PASSES_BEFORE_AUDIT-th failure; a pass that succeeds ends the streak. Never throws: with the store
 * down the audit line is lost with the rest, and the job's own log says why.
 */
export function failingPassesAudit(deps: JobAuditDeps, job: AuditedJob): { passed(): void; failed(error: unknown): Promise<void> } {
  let streak = 0;
  return {
    passed() {
      streak = 0;
    },
    async failed(error) {
      streak += 1;
      if (streak !== FAILED_PASSES_BEFORE_AUDIT) return;
      const message = error instanceof Error ? error.message : String(error);
      await recordJobFailure(deps, { job, details: { failedPasses: streak, message: message.slice(0, 300) } }).catch(() => undefined);
    },
  };
}
