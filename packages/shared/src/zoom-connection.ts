import { z } from 'zod';
import { roleSchema } from './auth';

export const ZOOM_CONNECTION_STATES = ['connected', 'needs_reconnect', 'not_connected'] as const;
export const zoomConnectionStateSchema = z.enum(ZOOM_CONNECTION_STATES);
export type ZoomConnectionState = z.infer<typeof zoomConnectionStateSchema>;

/** Why a callback sent the user back to Account Settings; `connected` is the success case. */
export const ZOOM_CALLBACK_RESULTS = [
  'connected',
  'access_denied',
  'state_invalid',
  'state_expired',
  'exchange_failed',
  'zoom_account_in_use',
  // Connect could not even start: this server has no Zoom OAuth app configured.
  'zoom_not_configured',
] as const;
export const zoomCallbackResultSchema = z.enum(ZOOM_CALLBACK_RESULTS);
export type ZoomCallbackResult = z.infer<typeof zoomCallbackResultSchema>;
/** Query parameter on the Account Settings URL that carries the callback result. */
export const ZOOM_CALLBACK_RESULT_PARAM = 'zoom';

export const zoomStatusResponseSchema = z.object({
  state: zoomConnectionStateSchema,
  zoomEmail: z.string().nullable(),
  connectedAt: z.string().nullable(),
  scopes: z.array(z.string()),
  lastRefreshAt: z.string().nullable(),
  /** The last problem in plain words, e.g. "Zoom no longer accepts this connection. Reconnect to keep hosting." */
  lastProblem: z.string().nullable(),
});
export type ZoomStatusResponse = z.infer<typeof zoomStatusResponseSchema>;

export const zoomConnectResponseSchema = z.object({ authorizeUrl: z.string() });

export const adminZoomConnectionRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  state: zoomConnectionStateSchema,
  zoomEmail: z.string().nullable(),
  connectedAt: z.string().nullable(),
  lastRefreshAt: z.string().nullable(),
  lastProblem: z.string().nullable(),
});
export type AdminZoomConnectionRow = z.infer<typeof adminZoomConnectionRowSchema>;

export const adminZoomConnectionsResponseSchema = z.object({
  users: z.array(adminZoomConnectionRowSchema),
  totals: z.object({
    connected: z.number().int(),
    needs_reconnect: z.number().int(),
    not_connected: z.number().int(),
  }),
  interviewers: z.object({
    total: z.number().int(),
    connected: z.number().int(),
    /** connected interviewers / interviewers, 0..1; 0 when there are no interviewers. */
    adoptionRate: z.number(),
  }),
});
export type AdminZoomConnectionsResponse = z.infer<typeof adminZoomConnectionsResponseSchema>;

export const AUDIT_EVENT_TYPES = [
  'zoom.connected',
  'zoom.disconnected',
  'zoom.refresh_failed',
  'zoom.deauthorized',
  'zoom.keys_rotated',
  'user.created',
] as const;
export const auditEventTypeSchema = z.enum(AUDIT_EVENT_TYPES);
export type AuditEventType = z.infer<typeof auditEventTypeSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  type: auditEventTypeSchema,
  at: z.string(),
  actor: z.object({ userId: z.string().nullable(), email: z.string().nullable(), kind: z.enum(['user', 'system', 'zoom']) }),
  subject: z.object({ userId: z.string().nullable(), email: z.string().nullable() }),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const auditListResponseSchema = z.object({
  events: z.array(auditEventSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

export const zoomEndpoints = {
  connect: { method: 'GET', path: '/api/zoom/connect', response: zoomConnectResponseSchema },
  callback: { method: 'GET', path: '/api/zoom/callback' },
  status: { method: 'GET', path: '/api/zoom/status', response: zoomStatusResponseSchema },
  disconnect: { method: 'POST', path: '/api/zoom/disconnect', response: zoomStatusResponseSchema },
  webhook: { method: 'POST', path: '/api/zoom/webhook' },
  adminConnections: { method: 'GET', path: '/api/admin/zoom/connections', response: adminZoomConnectionsResponseSchema },
  adminDisconnect: { method: 'POST', path: '/api/admin/users/:id/zoom/disconnect', response: zoomStatusResponseSchema },
  adminAudit: { method: 'GET', path: '/api/admin/audit', query: auditListQuerySchema, response: auditListResponseSchema },
} as const;
