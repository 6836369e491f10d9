import { z } from 'zod';
import type { Endpoint } from './endpoint';
import { auditEventSchema, auditEventTypeSchema, type AuditEventType } from './zoom-connection';

/** Groups of event types the audit log filters by (an exact type works too). */
export const AUDIT_CATEGORIES = {
  interviews: ['interview.scheduled', 'interview.rescheduled', 'interview.cancelled', 'meeting.fallback', 'meeting.failed', 'meeting.retried', 'meeting.rehosted'],
  zoom: ['zoom.connected', 'zoom.disconnected', 'zoom.refresh_failed', 'zoom.deauthorized', 'zoom.keys_rotated'],
  users: ['user.created', 'user.provisioned', 'user.invited', 'user.invite_resent', 'user.deactivated', 'user.reactivated', 'user.role_changed', 'user.password_changed', 'user.sessions_ended'],
  sign_ins: ['auth.signed_in', 'auth.sign_in_failed'],
  webhooks: ['zoom.event_applied'],
  settings: ['settings.changed'],
  jobs: ['job.failed'],
} as const satisfies Record<string, readonly AuditEventType[]>;
export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

const id = z.string().min(1).max(100);
const date = z.iso.date({ message: 'a date like 2030-01-31' });

export const auditSearchQuerySchema = z.object({
  actorUserId: id.optional(),
  subjectUserId: id.optional(),
  interviewId: id.optional(),
  /** A category (`interviews`, `zoom`, `users`, `sign_ins`, `webhooks`, `settings`, `jobs`) or one event type. */
  type: z.union([z.enum(Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]]), auditEventTypeSchema]).optional(),
  /** Calendar days in UTC, inclusive. */
  from: date.optional(),
  to: date.optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AuditSearchQuery = z.input<typeof auditSearchQuerySchema>;

export const auditEntrySchema = auditEventSchema.extend({
  /** What happened, as one sentence (e.g. "Rita Recruiter rescheduled Grace Hopper's interview from 10:00 to 11:00 (America/New_York)"). */
  sentence: z.string(),
  interviewId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditSearchResponseSchema = z.object({
  events: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type AuditSearchResponse = z.infer<typeof auditSearchResponseSchema>;

/** Append-only: there is deliberately no endpoint that edits or deletes an event. */
export const auditEndpoints = {
  search: { method: 'GET', path: '/api/admin/audit/events', query: auditSearchQuerySchema, response: auditSearchResponseSchema },
  /** `text/csv` of every matching event (newest first, at most 10,000), same filters as `search`. */
  exportCsv: { method: 'GET', path: '/api/admin/audit/export.csv', query: auditSearchQuerySchema },
} as const satisfies Record<string, Endpoint>;
