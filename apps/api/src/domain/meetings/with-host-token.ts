import type { HostSource } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import { isZoomApiError } from '../../zoom/zoom-api-error';
import type { ZoomSecret } from '../../zoom/zoom-secret';
import { TOKEN_REJECTED_PROBLEM } from './create-zoom-meeting';
import { meetingError } from './meeting-failure';
import type { MeetingServiceDeps } from './meeting-service-deps';

export interface MeetingHost {
  hostSource: HostSource;
  /** The interviewer (CRM user) whose account hosts it, when hostSource is `interviewer`. */
  interviewerId: string;
}

/**
 * Runs one Zoom call with a token for the account that hosts the meeting: the interviewer's (one
 * forced refresh when Zoom rejects it, then the connection is flagged) or the organisation's.
 * A meeting stays on the account that created it; changes never hop to another account.
 */
export async function withHostToken<T>(deps: MeetingServiceDeps, host: MeetingHost, context: string, call: (token: ZoomSecret) => Promise<T>): Promise<T> {
  return host.hostSource === 'interviewer' ? withInterviewerToken(deps, host.interviewerId, context, call) : withSystemToken(deps, context, call);
}

async function withInterviewerToken<T>(deps: MeetingServiceDeps, userId: string, context: string, call: (token: ZoomSecret) => Promise<T>): Promise<T> {
  let rejected: ZoomSecret | undefined;
  for (let refreshed = false; ; refreshed = true) {
    const token = await deps.userTokens.getAccessToken(userId, { forceRefresh: refreshed, ...(rejected ? { rejected } : {}) });
    if (!token.ok) {
      if (token.reason === 'zoom_unavailable') {
        throw new AppError({ code: 'zoom_unavailable', status: 503, message: `Zoom is not reachable right now (${context})`, details: { reason: 'zoom_unavailable', retryable: true, retryAfterMs: null } });
      }
      throw new AppError({
        code: 'zoom_not_connected',
        status: 409,
        message: `The meeting is hosted on the interviewer's Zoom account, which is ${token.reason === 'not_connected' ? 'no longer connected' : 'waiting to be reconnected'}; reconnect it, then try again`,
        details: { reason: 'host_not_connected', retryable: false, retryAfterMs: null },
      });
    }
    try {
      return await call(token.accessToken);
    } catch (error) {
      if (!isZoomApiError(error)) throw error;
      if (error.kind !== 'rejected_token') throw meetingError(error, context);
      rejected = token.accessToken;
      if (refreshed) {
        await deps.userTokens.markRejected(userId, TOKEN_REJECTED_PROBLEM, token.accessToken);
        throw new AppError({
          code: 'zoom_token_rejected',
          status: 409,
          message: "Zoom rejected the interviewer's connection even after renewing it; they need to reconnect Zoom",
          details: { reason: 'host_token_rejected', retryable: false, retryAfterMs: null },
          cause: error,
        });
      }
    }
  }
}

async function withSystemToken<T>(deps: MeetingServiceDeps, context: string, call: (token: ZoomSecret) => Promise<T>): Promise<T> {
  const systemToken = deps.systemToken;
  if (!systemToken) {
    throw new AppError({
      code: 'zoom_not_configured',
      status: 503,
      message: "The meeting is on the organisation's Zoom account, but its Server-to-Server app is no longer configured",
      details: { reason: 'zoom_not_configured', retryable: false, retryAfterMs: null },
    });
  }
  for (let renewed = false; ; renewed = true) {
    let token: ZoomSecret;
    try {
      token = await systemToken.get();
    } catch (error) {
      if (isZoomApiError(error)) throw meetingError(error, context);
      throw error;
    }
    try {
      return await call(token);
    } catch (error) {
      if (!isZoomApiError(error)) throw error;
      if (error.kind === 'rejected_token' && !renewed) {
        await systemToken.invalidate(token);
        continue;
      }
      throw meetingError(error, context);
    }
  }
}
