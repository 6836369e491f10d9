import { z } from 'zod';
import type { Endpoint } from './endpoint';
import { booleanQuerySchema, pageCursorSchema, searchPrefixSchema } from './list-query';
import { plainText } from './plain-text';
import { zoomConnectionStateSchema } from './zoom-connection';

const email = z.string().trim().max(254).pipe(z.email()).transform((value) => value.toLowerCase());

// Building a DateTimeFormat costs ~50 µs, a noticeable share of a create request; zones already seen
// valid are remembered (bounded, since spellings are case-insensitive and callers are untrusted).
const knownTimeZones = new Set<string>();

function isIanaTimeZone(value: string): boolean {
  if (knownTimeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  if (knownTimeZones.size < 1_000) knownTimeZones.add(value);
  return true;
}

/** An IANA zone such as `Europe/Berlin`, checked with the runtime's own time zone database. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isIanaTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin or America/New_York' });

/** An instant with an explicit offset (`2030-05-01T09:00:00Z` or `...+02:00`): never a floating local time. */
export const instantSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with Z or an offset' });

// ---------------------------------------------------------------------------------------------
// Meetings

/**
 * Where the Zoom meeting of an interview stands:
 * - `scheduled`: the meeting exists in Zoom and matches the interview.
 * - `pending`: a change (see `pendingAction`) is queued because Zoom was unreachable or rate-limited;
 *   the background worker keeps retrying with backoff.
 * - `failed`: Zoom refused for good (see `lastError`); a recruiter has to act (e.g. reschedule to retry).
 * - `cancelled`: the interview was cancelled and its meeting deleted in Zoom (or already gone there).
 */
export const MEETING_STATUSES = ['scheduled', 'pending', 'failed', 'cancelled'] as const;
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

/** The Zoom change a `pending` meeting is waiting for. */
export const MEETING_ACTIONS = ['create', 'update', 'delete'] as const;
export const meetingActionSchema = z.enum(MEETING_ACTIONS);
export type MeetingAction = z.infer<typeof meetingActionSchema>;

/** Whose Zoom account hosts the meeting. */
export const HOST_SOURCES = ['interviewer', 'system'] as const;
export const hostSourceSchema = z.enum(HOST_SOURCES);
export type HostSource = z.infer<typeof hostSourceSchema>;

/**
 * Why the meeting is hosted where it is. `connected` goes with hostSource `interviewer`; every other
 * reason explains a fallback to the organisation's (Server-to-Server) account.
 */
export const HOST_REASONS = [
  'connected',
  'not_connected',
  'needs_reconnect',
  'interviewer_token_rejected',
  'interviewer_daily_limit',
  'interviewer_refresh_failed',
  // The interviewer's connection ended (they or an admin disconnected it, or the app was removed in Zoom):
  // their upcoming meetings were moved to the organisation's account.
  'interviewer_disconnected',
] as const;
export const hostReasonSchema = z.enum(HOST_REASONS);
export type HostReason = z.infer<typeof hostReasonSchema>;

export const meetingErrorSchema = z.object({
  /** snake_case, e.g. `zoom_unavailable`, `zoom_rate_limited`, `zoom_rejected_request`, `zoom_not_configured`. */
  code: z.string(),
  message: z.string(),
  at: z.string(),
});
export type MeetingError = z.infer<typeof meetingErrorSchema>;

export const meetingSchema = z.object({
  status: meetingStatusSchema,
  /** Set while `status` is `pending`. */
  pendingAction: meetingActionSchema.nullable(),
  /** Zoom's int64 meeting id, as a string. */
  zoomMeetingId: z.string().nullable(),
  joinUrl: z.string().nullable(),
  password: z.string().nullable(),
  hostSource: hostSourceSchema.nullable(),
  hostReason: hostReasonSchema.nullable(),
  /** The Zoom user that hosts the meeting (interviewer's Zoom email, or the system host). */
  hostZoomEmail: z.string().nullable(),
  lastError: meetingErrorSchema.nullable(),
  /** Zoom attempts made for the current pending action. */
  attempts: z.number().int(),
  /** When the worker tries again, while pending. */
  nextAttemptAt: z.string().nullable(),
  /**
   * Set when the meeting was moved to another Zoom account (a new meeting, so a new join link): the
   * candidate must get the new link. `previousJoinUrlMayStillWork`: the old meeting could not be deleted.
   */
  joinLinkChanged: z
    .object({ at: z.string(), previousJoinUrlMayStillWork: z.boolean(), reason: z.string().nullable() })
    .nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

// ---------------------------------------------------------------------------------------------
// Interviews

export const INTERVIEW_STATUSES = ['scheduled', 'cancelled'] as const;
export const interviewStatusSchema = z.enum(INTERVIEW_STATUSES);
export type InterviewStatus = z.infer<typeof interviewStatusSchema>;

/** How far ahead an interview may be scheduled; the shared schema and the API's own clock both check it. */
export const MAX_SCHEDULE_AHEAD_DAYS = 366;
export const MAX_SCHEDULE_AHEAD_MS = MAX_SCHEDULE_AHEAD_DAYS * 24 * 60 * 60 * 1000;

/** A start at most a year ahead (a day of leeway for clocks), so a typo such as 2099 is caught in the form and in the API. */
const startWithinHorizonSchema = instantSchema.refine((value) => Date.parse(value) <= Date.now() + MAX_SCHEDULE_AHEAD_MS, {
  message: 'must be at most one year ahead',
});

/** Whole minutes in 5-minute steps, 5 to 480: the duration field steps by 5 and the API agrees. */
export const DURATION_STEP_MINUTES = 5;
export const durationMinutesSchema = z.number().int().min(5).max(480).multipleOf(DURATION_STEP_MINUTES, { message: 'must be a multiple of 5 minutes' });

/**
 * A panel: 1 to 10 interviewers, in order (the first who can host does). 10 is past any real hiring
 * panel and keeps Zoom's alternative_hosts list and the per-member checks bounded.
 */
export const MAX_PANEL_SIZE = 10;
const interviewerIdSchema = z.string().min(1).max(64);
export const panelSchema = z
  .array(interviewerIdSchema)
  .min(1, { message: 'add at least one interviewer' })
  .max(MAX_PANEL_SIZE, { message: `a panel has at most ${MAX_PANEL_SIZE} interviewers` })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'each interviewer may appear once' });

/** `interviewerIds` (the panel) or the older `interviewerId` (a panel of one): one of them, never both. */
function refusePanelAndShorthand(value: { interviewerId?: string | undefined; interviewerIds?: string[] | undefined }, ctx: z.RefinementCtx, required: boolean): void {
  if (value.interviewerId !== undefined && value.interviewerIds !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['interviewerIds'], message: 'send interviewerIds or interviewerId, not both' });
  } else if (required && value.interviewerId === undefined && value.interviewerIds === undefined) {
    ctx.addIssue({ code: 'custom', path: ['interviewerIds'], message: 'add at least one interviewer' });
  }
}

export const createInterviewRequestSchema = z.strictObject({
  candidateName: plainText({ min: 1, max: 120 }),
  candidateEmail: email,
  position: plainText({ min: 1, max: 120 }),
  /** The panel, in order: CRM users with the `interviewer` role (see GET /api/interviewers). */
  interviewerIds: panelSchema.optional(),
  /** Shorthand for a panel of one (older clients); not together with interviewerIds. */
  interviewerId: interviewerIdSchema.optional(),
  startTime: startWithinHorizonSchema,
  timeZone: timeZoneSchema,
  durationMinutes: durationMinutesSchema,
  /** Sent to Zoom as the meeting agenda: candidates may see it. */
  agenda: plainText({ max: 1800, multiline: true }).default(''),
  /** Internal notes for the hiring team; never sent to Zoom. */
  notes: plainText({ max: 5000, multiline: true }).default(''),
  /** Schedule even though the interviewer or the candidate already has an interview then (the 409 `interview_conflict` was seen). */
  allowConflict: z.boolean().optional(),
})
  .superRefine((value, ctx) => refusePanelAndShorthand(value, ctx, true));
export type CreateInterviewRequest = z.input<typeof createInterviewRequestSchema>;
export type CreateInterviewInput = z.output<typeof createInterviewRequestSchema>;

/** Reschedule or edit, the panel included (a new host moves the meeting to their account: a new join link). */
export const updateInterviewRequestSchema = z
  .strictObject({
    interviewerIds: panelSchema,
    /** Shorthand for a panel of one; not together with interviewerIds. */
    interviewerId: interviewerIdSchema,
    candidateName: plainText({ min: 1, max: 120 }),
    candidateEmail: email,
    position: plainText({ min: 1, max: 120 }),
    startTime: startWithinHorizonSchema,
    timeZone: timeZoneSchema,
    durationMinutes: durationMinutesSchema,
    agenda: plainText({ max: 1800, multiline: true }),
    notes: plainText({ max: 5000, multiline: true }),
    /** Move it even though the new time overlaps another interview of the interviewer or the candidate. */
    allowConflict: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).some((key) => key !== 'allowConflict'), { message: 'send at least one field to change' })
  .superRefine((value, ctx) => refusePanelAndShorthand(value, ctx, false));
export type UpdateInterviewRequest = z.input<typeof updateInterviewRequestSchema>;

/** The panel a create or update asks for, and the field it came in (bad members are reported under it). */
export function requestedPanel(request: { interviewerId?: string | undefined; interviewerIds?: string[] | undefined }): { ids: string[]; field: 'interviewerIds' | 'interviewerId' } | null {
  if (request.interviewerIds !== undefined) return { ids: request.interviewerIds, field: 'interviewerIds' };
  if (request.interviewerId !== undefined) return { ids: [request.interviewerId], field: 'interviewerId' };
  return null;
}

/** One interview that overlaps the requested time, and whose time it takes: an interviewer's or the candidate's. */
export const interviewConflictSchema = z.object({
  id: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  position: z.string(),
  interviewer: z.object({ id: z.string(), name: z.string() }),
  startTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  /** `interviewer`: the same interviewer is busy; `candidate`: the same candidate email is booked. */
  overlaps: z.array(z.enum(['interviewer', 'candidate'])),
});
export type InterviewConflict = z.infer<typeof interviewConflictSchema>;
/** `details` of a 409 `interview_conflict`: send the request again with `allowConflict: true` to go ahead. */
export const interviewConflictDetailsSchema = z.object({ bufferMinutes: z.number().int(), conflicts: z.array(interviewConflictSchema) });
export type InterviewConflictDetails = z.infer<typeof interviewConflictDetailsSchema>;

export const interviewPartySchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

// ---------------------------------------------------------------------------------------------
// Attendance (from Zoom's meeting events)

/**
 * - `not_started`: nobody has joined yet.
 * - `in_progress`: the meeting is running (someone joined, it has not ended).
 * - `completed`: it ended with both the interviewer and the candidate there.
 * - `candidate_no_show` / `interviewer_no_show`: it ended, or 15 minutes passed since the start, without them.
 */
export const ATTENDANCE_STATES = ['not_started', 'in_progress', 'completed', 'candidate_no_show', 'interviewer_no_show'] as const;
export const attendanceStateSchema = z.enum(ATTENDANCE_STATES);
export type AttendanceState = z.infer<typeof attendanceStateSchema>;

export const interviewAttendanceSchema = z.object({
  state: attendanceStateSchema,
  /** A participant other than the host is in the waiting room or waiting for the host to start. */
  candidateWaiting: z.boolean(),
  candidateWaitingSince: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hostJoinedAt: z.string().nullable(),
  candidateJoinedAt: z.string().nullable(),
  /** How the candidate was recognised among the participants: their email, else their display name. */
  candidateMatchedBy: z.enum(['email', 'name']).nullable(),
  hostMinutes: z.number().int(),
  candidateMinutes: z.number().int(),
  participants: z.array(
    z.object({ name: z.string(), role: z.enum(['host', 'candidate', 'other']), joinedAt: z.string(), leftAt: z.string().nullable() }),
  ),
});
export type InterviewAttendanceView = z.infer<typeof interviewAttendanceSchema>;

/** A change made to the meeting in Zoom itself (by the host), not through the CRM. */
export const zoomMeetingNoticeSchema = z.object({
  kind: z.enum(['changed_in_zoom', 'deleted_in_zoom']),
  at: z.string(),
  /** The email of whoever changed it in Zoom, when Zoom says. */
  by: z.string().nullable(),
  changes: z.array(z.object({ field: z.enum(['startTime', 'durationMinutes', 'timeZone', 'topic']), from: z.string().nullable(), to: z.string() })),
});
export type ZoomMeetingNoticeView = z.infer<typeof zoomMeetingNoticeSchema>;

/**
 * A panel member's part in the meeting: `host` (their own Zoom account hosts it), `alternative_host`
 * (Zoom accepted them as an alternative host: they can start it too), `panelist` (joins as a participant).
 */
export const PANEL_ROLES = ['host', 'alternative_host', 'panelist'] as const;
export const panelRoleSchema = z.enum(PANEL_ROLES);
export type PanelRole = z.infer<typeof panelRoleSchema>;
export const panelMemberSchema = interviewPartySchema.extend({ role: panelRoleSchema });
export type PanelMember = z.infer<typeof panelMemberSchema>;

export const interviewSchema = z.object({
  id: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  position: z.string(),
  /** The first of the panel (older clients read this one). */
  interviewer: interviewPartySchema,
  /** The panel in its order, each with their role in the meeting; absent from older servers. */
  panel: z.array(panelMemberSchema).optional(),
  /** The panel member whose own Zoom account hosts the meeting; null when the organisation's account does (or none yet). */
  hostInterviewerId: z.string().nullable().optional(),
  /** UTC ISO instant. */
  startTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  agenda: z.string(),
  /** Internal notes: the hiring team only (admins, recruiters, the panel); empty for anyone else. */
  notes: z.string(),
  status: interviewStatusSchema,
  createdById: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  meeting: meetingSchema,
  /** What Zoom reported about the meeting; absent until its first meeting event arrives. */
  attendance: interviewAttendanceSchema.optional(),
  /** Edits and deletion made in Zoom, oldest first; absent when there were none. */
  zoomNotices: z.array(zoomMeetingNoticeSchema).optional(),
});
export type Interview = z.infer<typeof interviewSchema>;

/**
 * Answer to POST (201 when the meeting was created, 202 when it is queued), PATCH and DELETE
 * (200 when Zoom has the change, 202 when it is queued). `meeting.status` says the same in the body.
 */
export const interviewResponseSchema = z.object({ interview: interviewSchema });
export type InterviewResponse = z.infer<typeof interviewResponseSchema>;

export const INTERVIEW_LIST_WINDOWS = ['upcoming', 'past', 'all'] as const;

export const interviewListQuerySchema = z.object({
  /** `upcoming`: ends in the future (soonest first); `past`: already ended (latest first). */
  when: z.enum(INTERVIEW_LIST_WINDOWS).default('upcoming'),
  interviewerId: z.string().min(1).max(64).optional(),
  includeCancelled: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  /** `nextCursor` of the previous page, for the same filters; opaque. */
  cursor: pageCursorSchema.optional(),
  /** Prefix of the candidate's name (any word of it) or email, case-insensitive. */
  q: searchPrefixSchema.optional(),
  /** Interviews scheduled by this recruiter. */
  recruiterId: z.string().min(1).max(64).optional(),
  meetingStatus: meetingStatusSchema.optional(),
  hostSource: hostSourceSchema.optional(),
  /** Starting at or after / before this instant (ISO 8601). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The viewer's own: scheduled by them (recruiters, admins), or theirs to run (interviewers). */
  mine: booleanQuerySchema.optional(),
});
export type InterviewListQuery = z.input<typeof interviewListQuerySchema>;
export type InterviewListFilters = z.output<typeof interviewListQuerySchema>;

/** `nextCursor` is null (or absent, from older servers) on the last page. */
export const interviewListResponseSchema = z.object({ interviews: z.array(interviewSchema), nextCursor: z.string().nullable().optional() });
export type InterviewListResponse = z.infer<typeof interviewListResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Interviewer picker

export const interviewerOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  zoomConnectionState: zoomConnectionStateSchema,
  zoomEmail: z.string().nullable(),
  /** Where a meeting scheduled now would be hosted, as far as the CRM knows. */
  expectedHostSource: hostSourceSchema,
});
export type InterviewerOption = z.infer<typeof interviewerOptionSchema>;
export const interviewerListResponseSchema = z.object({ interviewers: z.array(interviewerOptionSchema) });
/** Type-ahead: without `q` every interviewer is listed (by name); with it, those whose name or email starts so. */
export const interviewerListQuerySchema = z.object({
  q: searchPrefixSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type InterviewerListQuery = z.input<typeof interviewerListQuerySchema>;
export type InterviewerListResponse = z.infer<typeof interviewerListResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Per-user meeting defaults (the design note's "Advanced Settings")

export const AUTO_RECORDING_OPTIONS = ['none', 'local', 'cloud'] as const;

export const meetingDefaultsSchema = z.strictObject({
  waitingRoom: z.boolean(),
  autoRecording: z.enum(AUTO_RECORDING_OPTIONS),
  joinBeforeHost: z.boolean(),
  muteUponEntry: z.boolean(),
});
export type MeetingDefaults = z.infer<typeof meetingDefaultsSchema>;

/** Used for every meeting on the organisation's account, and for interviewers who have not chosen. */
export const ORGANISATION_MEETING_DEFAULTS: MeetingDefaults = {
  waitingRoom: true,
  autoRecording: 'none',
  joinBeforeHost: false,
  muteUponEntry: true,
};

export const meetingDefaultsResponseSchema = z.object({
  /** Applied to meetings hosted on the signed-in user's own Zoom account. */
  defaults: meetingDefaultsSchema,
  /** True until the user saves their own. */
  usingOrganisationDefaults: z.boolean(),
  /** Applied to meetings on the organisation's account. */
  organisationDefaults: meetingDefaultsSchema,
});
export type MeetingDefaultsResponse = z.infer<typeof meetingDefaultsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Admin analytics

/**
 * Attendance over the window: interviews held (scheduled start in the window, ended, not cancelled),
 * those Zoom reported on (`tracked`), the no-shows among them, and recordings attached.
 */
export const attendanceAnalyticsSchema = z.object({
  interviews: z.number().int(),
  tracked: z.number().int(),
  candidateNoShows: z.number().int(),
  interviewerNoShows: z.number().int(),
  /** No-shows / tracked, 0..1; 0 when nothing was tracked. */
  candidateNoShowRate: z.number(),
  interviewerNoShowRate: z.number(),
  recordings: z.number().int(),
});
export type AttendanceAnalytics = z.infer<typeof attendanceAnalyticsSchema>;

export const meetingAnalyticsRowSchema = z.object({
  interviewer: interviewPartySchema,
  zoomConnectionState: zoomConnectionStateSchema,
  /** Meetings created in the window on the interviewer's own Zoom account. */
  ownAccount: z.number().int(),
  /** Meetings created in the window on the organisation's account. */
  systemAccount: z.number().int(),
  /** Fallback reasons among systemAccount, e.g. { not_connected: 3 }. */
  fallbackReasons: z.record(z.string(), z.number().int()),
  attendance: attendanceAnalyticsSchema,
});
export type MeetingAnalyticsRow = z.infer<typeof meetingAnalyticsRowSchema>;

export const meetingAnalyticsResponseSchema = z.object({
  since: z.string(),
  until: z.string(),
  rows: z.array(meetingAnalyticsRowSchema),
  totals: z.object({ ownAccount: z.number().int(), systemAccount: z.number().int() }),
  attendance: attendanceAnalyticsSchema,
});
export type MeetingAnalyticsResponse = z.infer<typeof meetingAnalyticsResponseSchema>;

export const interviewIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

// ---------------------------------------------------------------------------------------------
// Interview history (from the audit trail)

export const INTERVIEW_HISTORY_KINDS = ['scheduled', 'rescheduled', 'rehosted', 'retried', 'cancelled'] as const;
export const interviewHistoryEntrySchema = z.object({
  kind: z.enum(INTERVIEW_HISTORY_KINDS),
  at: z.string(),
  /** Who did it: a CRM user (name and email when known), the CRM itself (worker) or Zoom. */
  by: z.object({ kind: z.enum(['user', 'system', 'zoom']), name: z.string().nullable(), email: z.string().nullable() }),
  /** What changed, for a reschedule: field, old and new value as text. */
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  /** Why, for a re-host (the fallback reason) or a retry (the outcome). */
  reason: z.string().nullable(),
});
export type InterviewHistoryEntry = z.infer<typeof interviewHistoryEntrySchema>;
export const interviewHistoryResponseSchema = z.object({ history: z.array(interviewHistoryEntrySchema) });
export type InterviewHistoryResponse = z.infer<typeof interviewHistoryResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Scheduling policy (the design note's Phase 3 switch)

export const schedulingSettingsSchema = z.strictObject({
  /** Interviewers must have their own Zoom connected to be scheduled; no new fallback to the organisation's account. */
  requireInterviewerZoom: z.boolean(),
});
export type SchedulingSettings = z.infer<typeof schedulingSettingsSchema>;
export const DEFAULT_SCHEDULING_SETTINGS: SchedulingSettings = { requireInterviewerZoom: false };
export const schedulingSettingsResponseSchema = z.object({
  settings: schedulingSettingsSchema,
  /** Null until an admin first changes them. */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SchedulingSettingsResponse = z.infer<typeof schedulingSettingsResponseSchema>;
/** `details` of a refused schedule under `requireInterviewerZoom`: who must connect Zoom first. */
export const interviewerZoomRequiredDetailsSchema = z.object({ path: z.literal('interviewerId'), interviewers: z.array(z.object({ id: z.string(), name: z.string() })) });

/** Who is busy at a proposed time (the picker marks them before submit). */
export const interviewerAvailabilityQuerySchema = z.object({
  startTime: instantSchema,
  durationMinutes: z.coerce.number().int().min(5).max(480),
});
export const interviewerAvailabilityResponseSchema = z.object({
  /** Interviewers with a live interview overlapping the time (the conflict buffer included). */
  busy: z.array(z.object({ interviewerId: z.string(), interviews: z.number().int() })),
});
export type InterviewerAvailabilityResponse = z.infer<typeof interviewerAvailabilityResponseSchema>;

export const interviewEndpoints = {
  list: { method: 'GET', path: '/api/interviews', query: interviewListQuerySchema, response: interviewListResponseSchema },
  /** 201 when the meeting was created, 202 when it is queued. */
  create: { method: 'POST', path: '/api/interviews', body: createInterviewRequestSchema, response: interviewResponseSchema },
  get: { method: 'GET', path: '/api/interviews/:id', params: interviewIdParamsSchema, response: interviewResponseSchema },
  /** 200 when Zoom has the change, 202 when it is queued. */
  update: { method: 'PATCH', path: '/api/interviews/:id', params: interviewIdParamsSchema, body: updateInterviewRequestSchema, response: interviewResponseSchema },
  /** 200 when Zoom has the change, 202 when it is queued. */
  cancel: { method: 'DELETE', path: '/api/interviews/:id', params: interviewIdParamsSchema, response: interviewResponseSchema },
  /**
   * Starts the meeting as host: a redirect to a start URL fetched from Zoom just now (Zoom's expire about
   * 2 hours after issue, so none is stored or returned anywhere else). Host interviewer and admins only.
   */
  start: { method: 'GET', path: '/api/interviews/:id/start', params: interviewIdParamsSchema },
  /** Tries a `failed` or `pending` meeting change again now (recruiters and admins); 200 when Zoom has it, 202 when still queued. */
  retry: { method: 'POST', path: '/api/interviews/:id/retry', params: interviewIdParamsSchema, response: interviewResponseSchema },
  interviewers: { method: 'GET', path: '/api/interviewers', query: interviewerListQuerySchema, response: interviewerListResponseSchema },
  /** Created, rescheduled, re-hosted, retried, cancelled: by whom and when, oldest first. */
  history: { method: 'GET', path: '/api/interviews/:id/history', params: interviewIdParamsSchema, response: interviewHistoryResponseSchema },
  getMeetingDefaults: { method: 'GET', path: '/api/zoom/meeting-defaults', response: meetingDefaultsResponseSchema },
  putMeetingDefaults: { method: 'PUT', path: '/api/zoom/meeting-defaults', body: meetingDefaultsSchema, response: meetingDefaultsResponseSchema },
  meetingAnalytics: { method: 'GET', path: '/api/admin/meeting-analytics', response: meetingAnalyticsResponseSchema },
  interviewerAvailability: { method: 'GET', path: '/api/interviewers/availability', query: interviewerAvailabilityQuerySchema, response: interviewerAvailabilityResponseSchema },
  /** Anyone signed in may read the policy (the scheduling form shows it); only admins change it. */
  getSchedulingSettings: { method: 'GET', path: '/api/scheduling-settings', response: schedulingSettingsResponseSchema },
  putSchedulingSettings: { method: 'PUT', path: '/api/admin/scheduling-settings', body: schedulingSettingsSchema, response: schedulingSettingsResponseSchema },
} as const satisfies Record<string, Endpoint>;
