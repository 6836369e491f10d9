import type { AuditEventType } from '@crm/shared/zoom-connection';
import type { RequestContext } from '../ports/request-context';
import type { AuditEventRecord, AuditRepository } from '../ports/audit-repository';

export type AuditActor = AuditEventRecord['actor'];

export const SYSTEM_ACTOR: AuditActor = { userId: null, email: null, kind: 'system' };
export const ZOOM_ACTOR: AuditActor = { userId: null, email: null, kind: 'zoom' };

/** Appends one event; `details` must never carry a token or code (callers pass ids, emails and counts only). */
export async function recordAuditEvent(
  audit: AuditRepository,
  event: {
    type: AuditEventType;
    actor: AuditActor;
    subject: { userId: string | null; email: string | null };
    context?: Pick<RequestContext, 'requestId' | 'ip'> | null;
    details?: Record<string, unknown>;
    at?: Date;
  },
): Promise<AuditEventRecord> {
  return audit.append({
    type: event.type,
    at: event.at ?? new Date(),
    actor: event.actor,
    subject: event.subject,
    requestId: event.context?.requestId ?? null,
    ip: event.context?.ip ?? null,
    details: event.details ?? {},
    ...(typeof event.details?.interviewId === 'string' ? { interviewId: event.details.interviewId } : {}),
  });
}
