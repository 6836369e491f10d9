import { AppError, isAppError } from '../../errors/app-error';
import { isZoomFailure, type ZoomFailure } from '../ports/zoom-failure';

/** How a failed meeting change should be handled: queue it for the worker, or stop and show why. */
export interface MeetingFailure {
  retryable: boolean;
  /** snake_case, shown as the meeting's lastError.code. */
  code: string;
  message: string;
  retryAfterMs: number | null;
}

export interface MeetingErrorDetails {
  retryable: boolean;
  reason: string;
  retryAfterMs: number | null;
}

/** Zoom's failure in the API's own terms: never a 500, and never a header or body from Zoom. */
export function meetingError(error: ZoomFailure, context: string): AppError {
  const details = (reason: string, retryable: boolean): MeetingErrorDetails => ({ reason, retryable, retryAfterMs: error.retryAfterMs });
  switch (error.kind) {
    case 'unavailable':
      return new AppError({ code: 'zoom_unavailable', status: 503, message: `Zoom is not reachable right now (${context})`, details: details('zoom_unavailable', true), cause: error });
    case 'rate_limited':
      return new AppError({ code: 'zoom_unavailable', status: 503, message: `Zoom is rate-limiting us (${context})`, details: details('zoom_rate_limited', true), cause: error });
    case 'daily_limit':
      // Never `failed`: the cap resets (00:00 UTC, or Zoom's Retry-After), and the worker tries again then.
      return new AppError({ code: 'zoom_unavailable', status: 503, message: `The Zoom host reached Zoom's daily limit of meeting creates and updates (${context}); it is tried again once the limit resets${resetsAt(error)}`, details: details('zoom_daily_limit', true), cause: error });
    case 'outcome_unknown':
      return new AppError({ code: 'zoom_unavailable', status: 503, message: `Zoom did not confirm the change (${context})`, details: details('zoom_outcome_unknown', true), cause: error });
    case 'misconfigured':
      return new AppError({ code: 'zoom_not_configured', status: 503, message: `The organisation's Zoom app is misconfigured: ${error.message}`, details: details('zoom_not_configured', false), cause: error });
    default:
      return new AppError({ code: 'meeting_failed', status: 502, message: `Zoom refused the change (${context}): ${error.message}`, details: details(`zoom_${error.kind}`, false), cause: error });
  }
}

/** " (in about N hours)", from the wait Zoom asked for (the adapter fills in the next 00:00 UTC when Zoom gave none). */
function resetsAt(error: ZoomFailure): string {
  if (error.retryAfterMs === null) return '';
  const minutes = Math.ceil(error.retryAfterMs / 60_000);
  return minutes >= 120 ? ` (in about ${Math.round(minutes / 60)} hours)` : ` (in about ${minutes} minutes)`;
}

/** Zoom could not be reached for `context`: retryable, so the change stays queued. */
export function zoomUnavailable(context: string): AppError {
  return new AppError({ code: 'zoom_unavailable', status: 503, message: `Zoom is not reachable right now (${context})`, details: { reason: 'zoom_unavailable', retryable: true, retryAfterMs: null } });
}

export function describeMeetingFailure(error: unknown): MeetingFailure {
  if (isAppError(error)) {
    const details = (error.details ?? {}) as Partial<MeetingErrorDetails>;
    return {
      retryable: details.retryable ?? error.status >= 500,
      code: details.reason ?? error.code,
      message: error.message,
      retryAfterMs: details.retryAfterMs ?? null,
    };
  }
  if (isZoomFailure(error)) return describeMeetingFailure(meetingError(error, error.operation));
  // A store or programming error: keep trying rather than lose the change, but say nothing revealing.
  return { retryable: true, code: 'internal_error', message: 'An unexpected error stopped the meeting change; it will be retried', retryAfterMs: null };
}
