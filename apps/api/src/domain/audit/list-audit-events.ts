import type { AuditEvent, AuditListResponse } from '@crm/shared/zoom-connection';
import type { AuditEventRecord, AuditRepository } from '../ports/audit-repository';

/** An event as the API shows it (the audit search adds its sentence). */
export function presentAuditEvent(event: AuditEventRecord): AuditEvent {
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

/** Newest first; pages are 1-based. */
export async function listAuditEvents(audit: AuditRepository, query: { page: number; pageSize: number }): Promise<AuditListResponse> {
  const { events, total } = await audit.list({ offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { events: events.map(presentAuditEvent), page: query.page, pageSize: query.pageSize, total };
}
