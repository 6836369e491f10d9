import type { AuditEventType } from '@crm/shared/zoom-connection';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { InterviewRecord } from '../ports/interview-repository';
import type { UserRepository } from '../ports/user-repository';
import { recordAuditEvent } from './record-audit-event';
import { interviewChanges } from './interview-changes';

type InterviewChange = Extract<AuditEventType, 'interview.scheduled' | 'interview.rescheduled' | 'interview.cancelled'>;

interface Deps {
  audit: AuditRepository;
  users: Pick<UserRepository, 'findById'>;
  interviews: { findById(id: string): Promise<InterviewRecord | null> };
  clock: Clock;
}

/**
 * Runs one interview change and tells its story in the audit log: who did what to whose interview, the
 * times in the interview's zone, and (from the meeting it ended with) a fallback to the organisation's
 * account with its reason or a failed meeting. Wraps the change so each action gains one line.
 */
export async function auditInterviewChange(
  deps: Deps,
  actorUserId: string,
  type: InterviewChange,
  interviewId: string | null,
  change: () => Promise<InterviewRecord>,
  extra: Record<string, unknown> = {},
): Promise<InterviewRecord> {
  const before = interviewId ? await deps.interviews.findById(interviewId) : null;
  const after = await change();
  await recordInterviewChange(deps, actorUserId, type, before, after, extra);
  return after;
}

/** The story of a change already made (`before` null for a new interview); never throws. */
export async function recordInterviewChange(
  deps: Omit<Deps, 'interviews'>,
  actorUserId: string,
  type: InterviewChange,
  before: InterviewRecord | null,
  after: InterviewRecord,
  extra: Record<string, unknown> = {},
): Promise<void> {
  // Cancelling what was already cancelled changes nothing: the story has no new line.
  if (type === 'interview.cancelled' && before?.status === 'cancelled') return;
  // Nor does a reschedule that changed no field (the same values sent again).
  if (type === 'interview.rescheduled' && before && interviewChanges(before, after).length === 0) return;
  try {
    await recordInterviewStory(deps, actorUserId, type, before, after, extra);
  } catch {
    // The change is done and the API answers it; a lost audit line must not turn it into an error.
  }
}

async function recordInterviewStory(deps: Omit<Deps, 'interviews'>, actorUserId: string, type: InterviewChange, before: InterviewRecord | null, after: InterviewRecord, extra: Record<string, unknown>): Promise<void> {
  const [actor, interviewer] = await Promise.all([deps.users.findById(actorUserId), deps.users.findById(after.interviewerId)]);
  const at = deps.clock.now();
  const base = { interviewId: after.id, candidateName: after.candidateName, timeZone: after.timeZone };
  // What a reschedule changed, field by field, for the interview page's history.
  const changes = type === 'interview.rescheduled' && before ? { changes: interviewChanges(before, after) } : {};
  const subject = { userId: after.interviewerId, email: interviewer?.email ?? null };
  const details =
    type === 'interview.rescheduled'
      ? { ...base, ...changes, ...extra, fromStartTime: before?.startTime.toISOString() ?? null, toStartTime: after.startTime.toISOString(), durationMinutes: after.durationMinutes }
      : { ...base, ...extra, startTime: after.startTime.toISOString(), position: after.position, durationMinutes: after.durationMinutes, hostSource: after.meeting.hostSource, meetingStatus: after.meeting.status };
  await recordAuditEvent(deps.audit, { type, actor: { userId: actorUserId, email: actor?.email ?? null, kind: 'user' }, subject, details, at });
  const fellBack = after.meeting.hostSource === 'system' && (before?.meeting.hostSource !== 'system' || type === 'interview.scheduled');
  if (type !== 'interview.cancelled' && fellBack) {
    await recordAuditEvent(deps.audit, { type: 'meeting.fallback', actor: { userId: null, email: null, kind: 'system' }, subject, details: { ...base, reason: after.meeting.hostReason }, at });
  }
  if (after.meeting.status === 'failed' && before?.meeting.status !== 'failed') {
    await recordAuditEvent(deps.audit, {
      type: 'meeting.failed',
      actor: { userId: null, email: null, kind: 'system' },
      subject,
      details: { ...base, action: type === 'interview.cancelled' ? 'delete' : type === 'interview.rescheduled' ? 'update' : 'create', code: after.meeting.lastError?.code ?? null, message: after.meeting.lastError?.message ?? null },
      at,
    });
  }
}
