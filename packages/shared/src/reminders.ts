import { z } from 'zod';
import type { Endpoint } from './endpoint';

// ---------------------------------------------------------------------------------------------
// Reminders: "reconnect Zoom before tomorrow's interview", and the admins' "please connect Zoom" nudge

/** An admin may send one bulk nudge per this many hours. */
export const ZOOM_NUDGE_ADMIN_WINDOW_HOURS = 1;
/** An interviewer receives at most one nudge per this many hours, whichever admin sends it. */
export const ZOOM_NUDGE_RECIPIENT_WINDOW_HOURS = 24;

/** An upcoming interview of the signed-in interviewer that the organisation's (system) Zoom account will host. */
export const zoomReconnectReminderSchema = z.object({
  interviewId: z.string(),
  candidateName: z.string(),
  position: z.string(),
  startTime: z.string(),
  timeZone: z.string(),
  /** Why the interviewer's own Zoom cannot host it. */
  zoomState: z.enum(['needs_reconnect', 'not_connected']),
});
export type ZoomReconnectReminder = z.infer<typeof zoomReconnectReminderSchema>;

export const zoomReconnectRemindersResponseSchema = z.object({
  /** Soonest first; empty when Zoom is connected or nothing starts within the reminder lead time. */
  reminders: z.array(zoomReconnectReminderSchema),
});
export type ZoomReconnectRemindersResponse = z.infer<typeof zoomReconnectRemindersResponseSchema>;

export const zoomNudgeResponseSchema = z.object({
  /** Interviewers emailed by this nudge. */
  nudged: z.number().int(),
  /** Unconnected interviewers left out because a nudge reached them within the recipient window. */
  skippedRecentlyNudged: z.number().int(),
  /** When this admin may send the next bulk nudge. */
  nextNudgeAt: z.string(),
});
export type ZoomNudgeResponse = z.infer<typeof zoomNudgeResponseSchema>;

/** `details` of the 429 `rate_limited` answer to a nudge sent too soon (a `Retry-After` header says the same). */
export const zoomNudgeRefusalDetailsSchema = z.object({
  reason: z.literal('zoom_nudge_too_soon'),
  retryAt: z.string(),
  retryAfterSeconds: z.number().int(),
});
export type ZoomNudgeRefusalDetails = z.infer<typeof zoomNudgeRefusalDetailsSchema>;

export const reminderEndpoints = {
  /** The signed-in interviewer's interviews within the reminder lead time that will be hosted on the system account. */
  zoomReconnectReminders: { method: 'GET', path: '/api/reminders/zoom-reconnect', response: zoomReconnectRemindersResponseSchema },
  /** Emails every active interviewer whose Zoom is not connected (admins; rate-limited, audited). */
  nudgeUnconnectedInterviewers: { method: 'POST', path: '/api/admin/zoom/nudge', response: zoomNudgeResponseSchema },
} as const satisfies Record<string, Endpoint>;
