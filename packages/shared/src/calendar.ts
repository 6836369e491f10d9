import { z } from 'zod';
import type { Endpoint } from './endpoint';
import { interviewIdParamsSchema } from './interviews';

// ---------------------------------------------------------------------------------------------
// Calendar invitations (iCalendar) and the email outbox that carries them

/** `text/calendar` bodies are not JSON: these endpoints answer with an `.ics` document. */
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const;
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const outboxMessageSummarySchema = z.object({
  id: z.string(),
  interviewId: z.string().nullable(),
  /** `invitation` (REQUEST) or `cancellation` (CANCEL). */
  kind: z.string(),
  audience: z.enum(['candidate', 'interviewer', 'user']),
  to: z.string(),
  subject: z.string(),
  sequence: z.number().int(),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type OutboxMessageSummary = z.infer<typeof outboxMessageSummarySchema>;
export const outboxListResponseSchema = z.object({ messages: z.array(outboxMessageSummarySchema) });
export type OutboxListResponse = z.infer<typeof outboxListResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Subscribable calendar feed per interviewer

/** 256 random bits, base64url: 43 characters. */
export const calendarFeedParamsSchema = z.object({ secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a calendar feed secret') });

/** The feed URL itself is shown only when it is made (it is stored hashed); later only whether one is active. */
export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

export const calendarFeedCreatedSchema = z.object({
  /** Absolute URL to paste into Google Calendar, Outlook or Apple Calendar; shown once. */
  url: z.url(),
  createdAt: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;

export const calendarEndpoints = {
  /** The interview's invitation as `text/calendar` (METHOD:REQUEST, or METHOD:CANCEL once cancelled); the hiring team only. */
  interviewInvite: { method: 'GET', path: '/api/interviews/:id/invite.ics', params: interviewIdParamsSchema },
  /** The interviewer's feed as `text/calendar`; the secret in the path is the only credential. 404 once revoked. */
  feed: { method: 'GET', path: '/api/calendar/:secret.ics', params: calendarFeedParamsSchema },
  feedStatus: { method: 'GET', path: '/api/calendar-feed', response: calendarFeedStatusSchema },
  /** Makes a new feed URL; any previous one stops working at once. */
  regenerateFeed: { method: 'POST', path: '/api/calendar-feed', response: calendarFeedCreatedSchema },
  /** Revokes the feed URL (204). */
  revokeFeed: { method: 'DELETE', path: '/api/calendar-feed' },
  /** Recent outgoing emails and their delivery state, newest first (admins). */
  outbox: { method: 'GET', path: '/api/admin/outbox', response: outboxListResponseSchema },
} as const satisfies Record<string, Endpoint>;
