import { z } from 'zod';

/** Every machine-readable error code the API can answer with. Codes are snake_case and stable. */
export const ERROR_CODES = [
  // request shape
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  // auth
  'unauthenticated',
  'session_expired',
  'account_deactivated',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'rate_limited',
  'email_taken',
  'cannot_change_own_account',
  // single sign-on
  'password_login_disabled',
  'sso_not_configured',
  'sso_failed',
  'sso_cancelled',
  'sso_not_mapped',
  'sso_email_unverified',
  'sso_unavailable',
  // zoom connection
  'zoom_not_connected',
  'zoom_not_configured',
  'zoom_unavailable',
  'zoom_token_rejected',
  'zoom_account_in_use',
  'webhook_signature_invalid',
  // interviews and meetings
  'interviewer_invalid',
  'interview_not_found',
  'interview_cancelled',
  'meeting_failed',
  'conflict',
  // the interviewer(s) or the candidate already have an interview then (details: { conflicts })
  'interview_conflict',
  // requireInterviewerZoom is on and an interviewer has not connected Zoom (details: { interviewers })
  'interviewer_zoom_required',
  // every fallback Zoom host (ZOOM_FALLBACK_HOSTS) already has as many overlapping meetings as it may host
  'no_fallback_host_free',
  // a list cursor that was altered, or belongs to another filter or another user's view
  'invalid_cursor',
  // catch-all
  'internal_error',
  'service_unavailable',
  // the database is unreachable: answered at once rather than queued
  'store_unavailable',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
