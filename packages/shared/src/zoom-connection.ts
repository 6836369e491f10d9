import { z } from 'zod';
import { roleSchema, userIdParamsSchema } from './auth';
import type { Endpoint } from './endpoint';
import { zoomRecordingEventSchema } from './recordings';
import { pageCursorSchema, searchPrefixSchema } from './list-query';

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
  // The Zoom user is the organisation's fallback host (ZOOM_USER_ID): it hosts for everyone, not for one person.
  'zoom_account_is_fallback_host',
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

/** Upcoming interviews hosted on the signed-in user's Zoom account: what a disconnect moves to the organisation's account. */
export const hostedInterviewsResponseSchema = z.object({
  interviews: z.array(z.object({ id: z.string(), candidateName: z.string(), position: z.string(), startTime: z.string() })),
});
export type HostedInterviewsResponse = z.infer<typeof hostedInterviewsResponseSchema>;

export const zoomConnectResponseSchema = z.object({ authorizeUrl: z.string() });
export type ZoomConnectResponse = z.infer<typeof zoomConnectResponseSchema>;

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
  /** Null (or absent, from older servers) on the last page. */
  nextCursor: z.string().nullable().optional(),
  /** Active accounts by state: interviewers (who host) apart from everyone else (admins, recruiters). */
  stateCounts: z.object({
    interviewers: z.object({ connected: z.number().int(), needs_reconnect: z.number().int(), not_connected: z.number().int() }),
    otherRoles: z.object({ connected: z.number().int(), needs_reconnect: z.number().int(), not_connected: z.number().int() }),
  }),
});
export type AdminZoomConnectionsResponse = z.infer<typeof adminZoomConnectionsResponseSchema>;

/** Pages of the connections table, by email; totals always cover every user, whatever the filter. */
export const adminZoomConnectionsQuerySchema = z.object({
  /** Prefix of the user's name (any word of it) or email, case-insensitive. */
  q: searchPrefixSchema.optional(),
  state: zoomConnectionStateSchema.optional(),
  role: roleSchema.optional(),
  cursor: pageCursorSchema.optional(),
  /** Without a limit every matching user is listed. */
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type AdminZoomConnectionsQuery = z.input<typeof adminZoomConnectionsQuerySchema>;

export const AUDIT_EVENT_TYPES = [
  'zoom.connected',
  'zoom.disconnected',
  'zoom.refresh_failed',
  'zoom.deauthorized',
  'zoom.keys_rotated',
  'user.created',
  'user.deactivated',
  'user.reactivated',
  'user.role_changed',
  'user.password_changed',
  'user.sessions_ended',
  // A meeting moved to the organisation's account because the interviewer's connection ended.
  'meeting.rehosted',
  // A recruiter or admin asked for a failed or pending meeting change to be tried again now.
  'meeting.retried',
  // An admin emailed every interviewer whose Zoom is not connected ("please connect Zoom").
  'zoom.nudge_sent',
  // Sign-ins (details.method: password | sso; failures carry details.reason) and SSO's first sign-in.
  'auth.signed_in',
  'auth.sign_in_failed',
  'user.provisioned',
  'user.invited',
  'user.invite_resent',
  // The interview's story (details carry names, times and time zone so the sentence needs no lookup).
  'interview.scheduled',
  'interview.rescheduled',
  'interview.cancelled',
  'meeting.fallback',
  'meeting.failed',
  // A Zoom webhook the CRM acted on (details.zoomEvent names it; own echoes are not recorded).
  'zoom.event_applied',
  // An admin (or, for their own meeting defaults, a user) changed a setting: details.changes holds before → after.
  'settings.changed',
  // A background job gave up on an item for good, or kept failing pass after pass (details.job).
  'job.failed',
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


// ---------------------------------------------------------------------------------------------
// OAuth callback (a browser navigation back from Zoom)

/**
 * Anything unusable (absent, empty, repeated, over 2 KB) reads as null instead of failing: the callback
 * always sends the browser back to Account Settings with a result, never an error page.
 */
const callbackParam = z.string().min(1).max(2048).nullable().catch(null);
export const zoomCallbackQuerySchema = z.object({ state: callbackParam, code: callbackParam, error: callbackParam });
export type ZoomCallbackQuery = z.output<typeof zoomCallbackQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Webhook (Zoom's event notifications, signed with the app's secret token)

const urlValidationEventSchema = z.object({
  event: z.literal('endpoint.url_validation'),
  payload: z.object({ plainToken: z.string().min(1).max(512) }),
});
const appDeauthorizedEventSchema = z.object({
  event: z.literal('app_deauthorized'),
  payload: z.object({
    user_id: z.string().min(1).max(100),
    account_id: z.string().max(100).optional(),
    client_id: z.string().max(200).optional(),
    deauthorization_time: z.string().max(100).optional(),
  }),
});
/** Zoom sends meeting ids as JSON numbers (int64); kept as strings so nothing rounds them. */
const zoomIdSchema = z.union([z.string().min(1).max(40), z.number().int().nonnegative()]).transform(String);
const zoomTimeSchema = z.string().max(40);
const zoomParticipantSchema = z.object({
  /** The participant's id within this meeting. */
  user_id: z.string().max(100).optional(),
  user_name: z.string().max(300).optional(),
  /** The participant's Zoom user id, when signed in to Zoom (the host's equals the meeting's host_id). */
  id: z.string().max(100).optional(),
  participant_uuid: z.string().max(100).optional(),
  participant_user_id: z.string().max(100).optional(),
  email: z.string().max(320).optional(),
  join_time: zoomTimeSchema.optional(),
  leave_time: zoomTimeSchema.optional(),
  /** When the waiting-room and join-before-host events happened. */
  date_time: zoomTimeSchema.optional(),
  leave_reason: z.string().max(500).optional(),
});
const zoomMeetingObjectSchema = z.object({
  id: zoomIdSchema,
  uuid: z.string().max(100).optional(),
  host_id: z.string().max(100).optional(),
  topic: z.string().max(300).optional(),
  type: z.number().int().optional(),
  start_time: zoomTimeSchema.optional(),
  end_time: zoomTimeSchema.optional(),
  duration: z.number().int().nonnegative().max(100_000).optional(),
  timezone: z.string().max(64).optional(),
  participant: zoomParticipantSchema.optional(),
});
export type ZoomMeetingObject = z.output<typeof zoomMeetingObjectSchema>;
export type ZoomMeetingParticipant = z.output<typeof zoomParticipantSchema>;

/** The meeting events the CRM subscribes to (see README, "Zoom app registration", for their scopes). */
export const ZOOM_MEETING_EVENTS = [
  'meeting.started',
  'meeting.ended',
  'meeting.participant_joined',
  'meeting.participant_left',
  'meeting.participant_jbh_waiting',
  'meeting.participant_jbh_joined',
  'meeting.participant_put_in_waiting_room',
  'meeting.participant_admitted',
  'meeting.updated',
  'meeting.deleted',
] as const;
export type ZoomMeetingEventName = (typeof ZOOM_MEETING_EVENTS)[number];

const meetingEventSchema = z.object({
  event: z.enum(ZOOM_MEETING_EVENTS),
  event_ts: z.number().int().nonnegative(),
  payload: z.object({
    account_id: z.string().max(100).optional(),
    operator: z.string().max(320).optional(),
    operator_id: z.string().max(100).optional(),
    object: zoomMeetingObjectSchema,
    /** meeting.updated: the fields as they were before the change. */
    old_object: zoomMeetingObjectSchema.partial().optional(),
  }),
});
export type ZoomMeetingEvent = z.output<typeof meetingEventSchema>;

/** A signed event the pipeline records and processes; also parses a recorded body again when it is processed. */
export const recordableZoomEventSchema = z.union([
  appDeauthorizedEventSchema.extend({ event_ts: z.number().int().nonnegative().optional() }),
  meetingEventSchema,
  zoomRecordingEventSchema,
]);
export type RecordableZoomEvent = z.output<typeof recordableZoomEventSchema>;

/**
 * The events the CRM acts on; any other signed body (another event, or one of these malformed) reads as
 * `unhandled` (with the event name it claimed, for counting) and is acknowledged, so Zoom does not retry it.
 */
export const zoomWebhookEventSchema = z.union([
  urlValidationEventSchema,
  recordableZoomEventSchema,
  z.unknown().transform((value): { event: 'unhandled'; name: string | null } => {
    const name = typeof value === 'object' && value !== null ? (value as { event?: unknown }).event : undefined;
    return { event: 'unhandled', name: typeof name === 'string' ? name.slice(0, 100) : null };
  }),
]);
export type ZoomWebhookEvent = z.output<typeof zoomWebhookEventSchema>;

/** The answer to `endpoint.url_validation` (every other event is answered 204). */
export const zoomUrlValidationResponseSchema = z.object({ plainToken: z.string(), encryptedToken: z.string() });
export type ZoomUrlValidationResponse = z.infer<typeof zoomUrlValidationResponseSchema>;

/** The webhook pipeline at a glance, for admins: the durable inbox and what this process counted since it started. */
export const adminZoomEventsResponseSchema = z.object({
  stored: z.object({ pending: z.number().int(), processed: z.number().int(), failed: z.number().int(), duplicateDeliveries: z.number().int() }),
  sinceStart: z.object({
    recorded: z.number().int(),
    duplicates: z.number().int(),
    /** Acknowledged and dropped (unknown events, or known ones malformed), by event name. */
    ignored: z.record(z.string(), z.number().int()),
  }),
});
export type AdminZoomEventsResponse = z.infer<typeof adminZoomEventsResponseSchema>;

export const zoomEndpoints = {
  /** A redirect to Zoom, or `{ authorizeUrl }` when the request accepts JSON. */
  connect: { method: 'GET', path: '/api/zoom/connect', response: zoomConnectResponseSchema },
  /** Always a redirect to Account Settings with `?zoom=<ZoomCallbackResult>`. */
  callback: { method: 'GET', path: '/api/zoom/callback', query: zoomCallbackQuerySchema },
  status: { method: 'GET', path: '/api/zoom/status', response: zoomStatusResponseSchema },
  /** Listed in the disconnect confirmation: these meetings move to the organisation's account (new join links). */
  hostedInterviews: { method: 'GET', path: '/api/zoom/hosted-interviews', response: hostedInterviewsResponseSchema },
  /** Moves upcoming meetings to the organisation's account, then revokes the grant at Zoom and forgets the tokens. */
  disconnect: { method: 'POST', path: '/api/zoom/disconnect', response: zoomStatusResponseSchema },
  /** Called by Zoom, not the web app; the body is read only after the signature checks out. */
  webhook: { method: 'POST', path: '/api/zoom/webhook', body: zoomWebhookEventSchema, response: zoomUrlValidationResponseSchema },
  adminConnections: { method: 'GET', path: '/api/admin/zoom/connections', query: adminZoomConnectionsQuerySchema, response: adminZoomConnectionsResponseSchema },
  adminDisconnect: { method: 'POST', path: '/api/admin/users/:id/zoom/disconnect', params: userIdParamsSchema, response: zoomStatusResponseSchema },
  adminZoomEvents: { method: 'GET', path: '/api/admin/zoom/events', response: adminZoomEventsResponseSchema },
} as const satisfies Record<string, Endpoint>;
