import type { InterviewHistoryEntry } from '@crm/shared/interviews';
import type { AuditEventType } from '@crm/shared/zoom-connection';
import type { InterviewChange } from '../audit/interview-changes';
import type { InterviewDeps } from '../interviews/interview-deps';
import { getInterview } from '../interviews/list-interviews';
import type { Viewer } from '../interviews/present-interview';
import type { AuditEventRecord } from '../ports/audit-repository';

/** An interview's page shows its whole life; a few hundred entries is already far more than any has. */
const MAX_HISTORY = 200;

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
  const panelNames = await panelMemberNames(deps, events);
  const history: InterviewHistoryEntry[] = events.map((event) => ({
    kind: KIND_OF[event.type]!,
    at: event.at.toISOString(),
    by: { kind: event.actor.kind, name: event.actor.userId ? (names.get(event.actor.userId) ?? null) : null, email: event.actor.email },
    changes: changesOf(event).map((change) => (change.field === 'interviewerIds' ? { ...change, from: namesOf(change.from, panelNames), to: namesOf(change.to, panelNames) } : change)),
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

/** Panel changes are stored as ids (comma-separated, in order); the history names the people, read in one go. */
async function panelMemberNames(deps: InterviewDeps, events: AuditEventRecord[]): Promise<Map<string, string>> {
  const ids = new Set(events.flatMap((event) => changesOf(event).filter((change) => change.field === 'interviewerIds').flatMap((change) => `${change.from ?? ''},${change.to ?? ''}`.split(','))));
  ids.delete('');
  if (ids.size === 0) return new Map();
  return new Map((await deps.users.findByIds([...ids])).map((user) => [user.id, user.name]));
}

function namesOf(ids: string | null, names: Map<string, string>): string | null {
  return ids === null ? null : ids.split(',').map((id) => names.get(id) ?? '(removed user)').join(', ');
}
