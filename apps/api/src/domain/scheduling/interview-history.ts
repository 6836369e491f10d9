import type { InterviewHistoryEntry } from '@crm/shared/interviews';
import type { AuditEventType } from '@crm/shared/zoom-connection';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { InterviewDeps } from '../interviews/interview-deps';
import { getInterview } from '../interviews/list-interviews';
import type { Viewer } from '../interviews/present-interview';
import type { AuditEventRecord } from '../ports/audit-repository';
import type { InterviewRecord } from '../ports/interview-repository';

/** An interview's page shows its whole life; a few hundred entries is already far more than any has. */
const MAX_HISTORY = 200;

/** Fields a reschedule shows with old and new values; agenda and notes are named only (they can be long or internal). */
const SHOWN_WITH_VALUES = ['startTime', 'timeZone', 'durationMinutes', 'candidateName', 'candidateEmail', 'position'] as const;
const NAMED_ONLY = ['agenda', 'notes'] as const;

export type InterviewChange = { field: string; from: string | null; to: string | null };

/** What a reschedule or edit changed, as the history shows it. */
export function interviewChanges(before: InterviewRecord, after: InterviewRecord): InterviewChange[] {
  const text = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
  const changes: InterviewChange[] = [];
  for (const field of SHOWN_WITH_VALUES) {
    if (text(before[field]) !== text(after[field])) changes.push({ field, from: text(before[field]), to: text(after[field]) });
  }
  for (const field of NAMED_ONLY) if (before[field] !== after[field]) changes.push({ field, from: null, to: null });
  return changes;
}

/** Appends one event of the interview's history, by the viewer who acted, about its interviewer. */
export async function recordInterviewEvent(
  deps: Pick<InterviewDeps, 'audit' | 'users' | 'clock'>,
  viewer: Viewer,
  type: Extract<AuditEventType, `interview.${string}`>,
  interview: InterviewRecord,
  details: Record<string, unknown> = {},
): Promise<void> {
  const [actor, interviewer] = await Promise.all([deps.users.findById(viewer.userId), deps.users.findById(interview.interviewerId)]);
  await recordAuditEvent(deps.audit, {
    type,
    actor: { userId: viewer.userId, email: actor?.email ?? null, kind: 'user' },
    subject: { userId: interview.interviewerId, email: interviewer?.email ?? null },
    at: deps.clock.now(),
    details: { interviewId: interview.id, ...details },
  });
}

const KIND_OF: Partial<Record<AuditEventType, InterviewHistoryEntry['kind']>> = {
  'interview.scheduled': 'scheduled',
  'interview.rescheduled': 'rescheduled',
  'interview.cancelled': 'cancelled',
  'meeting.rehosted': 'rehosted',
  'meeting.retried': 'retried',
};

function reasonOf(event: AuditEventRecord): string | null {
  if (event.type === 'meeting.rehosted') return typeof event.details.reason === 'string' ? event.details.reason : null;
  if (event.type === 'meeting.retried') return `${String(event.details.from)} → ${String(event.details.to)}`;
  return null;
}

function changesOf(event: AuditEventRecord): InterviewChange[] {
  const changes = event.details.changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter((change): change is InterviewChange => typeof change === 'object' && change !== null && typeof (change as InterviewChange).field === 'string');
}

/**
 * The interview's history from the audit trail, oldest first, for anyone who may see the interview.
 * Interviews scheduled before their creation was recorded start with an entry made from the record itself.
 */
export async function getInterviewHistory(deps: InterviewDeps, viewer: Viewer, id: string): Promise<InterviewHistoryEntry[]> {
  const interview = await getInterview(deps, viewer, id);
  const events = (await deps.audit.listForInterview(id, MAX_HISTORY)).filter((event) => KIND_OF[event.type] !== undefined);
  const names = new Map<string, string | null>();
  for (const userId of new Set([interview.createdById, ...events.map((event) => event.actor.userId)])) {
    if (userId) names.set(userId, (await deps.users.findById(userId))?.name ?? null);
  }
  const history: InterviewHistoryEntry[] = events.map((event) => ({
    kind: KIND_OF[event.type]!,
    at: event.at.toISOString(),
    by: { kind: event.actor.kind, name: event.actor.userId ? (names.get(event.actor.userId) ?? null) : null, email: event.actor.email },
    changes: changesOf(event),
    reason: reasonOf(event),
  }));
  if (!events.some((event) => event.type === 'interview.scheduled')) {
    const creator = await deps.users.findById(interview.createdById);
    history.unshift({
      kind: 'scheduled',
      at: interview.createdAt.toISOString(),
      by: { kind: 'user', name: creator?.name ?? null, email: creator?.email ?? null },
      changes: [],
      reason: null,
    });
  }
  return history;
}
