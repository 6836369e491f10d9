import { AUDIT_CATEGORIES, type AuditEntry, type AuditSearchResponse } from '@crm/shared/audit';
import type { AuditEvent, AuditEventType } from '@crm/shared/zoom-connection';
import type { AuditEventRecord, AuditFilter, AuditRepository } from '../ports/audit-repository';
import type { UserRepository } from '../ports/user-repository';
import { describeAuditEvent, type UserNames } from './describe-audit-event';

export interface AuditSearch {
  actorUserId?: string;
  subjectUserId?: string;
  interviewId?: string;
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

export function auditFilterOf(search: AuditSearch): AuditFilter {
  const types = search.type ? ((AUDIT_CATEGORIES as Record<string, readonly AuditEventType[]>)[search.type] ?? [search.type as AuditEventType]) : undefined;
  return {
    ...(search.actorUserId ? { actorUserId: search.actorUserId } : {}),
    ...(search.subjectUserId ? { subjectUserId: search.subjectUserId } : {}),
    ...(search.interviewId ? { interviewId: search.interviewId } : {}),
    ...(types ? { types: [...types] } : {}),
    ...(search.from ? { from: new Date(`${search.from}T00:00:00.000Z`) } : {}),
    ...(search.to ? { to: new Date(`${search.to}T23:59:59.999Z`) } : {}),
  };
}

export async function userNames(users: UserRepository, events?: readonly AuditEventRecord[]): Promise<UserNames> {
  // A page names a few people: read just them (one batch), not every user of the organisation.
  const found = events ? await users.findByIds([...new Set(events.flatMap((event) => [event.actor.userId, event.subject.userId]).filter((id): id is string => id !== null))]) : await users.list();
  return new Map(found.map((user) => [user.id, user.name]));
}

/** An event as the API shows it, before its sentence. */
function presentAuditEvent(event: AuditEventRecord): AuditEvent {
  return {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    actor: event.actor,
    subject: event.subject,
    requestId: event.requestId,
    ip: event.ip,
    details: event.details,
  };
}

export function presentAuditEntry(event: AuditEventRecord, names: UserNames): AuditEntry {
  return {
    ...presentAuditEvent(event),
    interviewId: event.interviewId ?? null,
    sentence: describeAuditEvent(event, names),
  };
}

export interface AuditReadDeps {
  audit: AuditRepository;
  users: UserRepository;
  /** Names the candidate in events recorded before they carried it (re-hosts, retries). */
  interviews?: { findById(id: string): Promise<{ candidateName: string; timeZone: string } | null> };
}

export async function withCandidateNames(deps: AuditReadDeps, events: AuditEventRecord[]): Promise<AuditEventRecord[]> {
  if (!deps.interviews) return events;
  const missing = [...new Set(events.filter((event) => event.interviewId && !event.details.candidateName).map((event) => event.interviewId!))];
  const found = new Map(await Promise.all(missing.map(async (id) => [id, await deps.interviews!.findById(id)] as const)));
  return events.map((event) => {
    const interview = event.interviewId ? found.get(event.interviewId) : null;
    return interview ? { ...event, details: { candidateName: interview.candidateName, timeZone: interview.timeZone, ...event.details } } : event;
  });
}

/** Newest first, filtered, one cursor page, each event with its sentence. */
export async function searchAuditEvents(deps: AuditReadDeps, search: AuditSearch): Promise<AuditSearchResponse> {
  const page = await deps.audit.query(auditFilterOf(search), { after: search.cursor ?? null, limit: search.limit });
  const names = await userNames(deps.users, page.events);
  const events = await withCandidateNames(deps, page.events);
  return { events: events.map((event) => presentAuditEntry(event, names)), nextCursor: page.next };
}

