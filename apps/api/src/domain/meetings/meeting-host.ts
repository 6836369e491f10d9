import type { HostReason, HostSource } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { AccessTokenProblem, AccessTokenResult, AccessTokenSource } from '../ports/access-token-source';
import type { Secret } from '../ports/secret';
import type { StoredZoomConnection } from '../ports/zoom-connection-repository';
import { isZoomFailure, type ZoomFailure } from '../ports/zoom-failure';
import { meetingError, zoomUnavailable } from './meeting-failure';
import { firstPanelMemberHost } from './panel-host-choice';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { onFallbackHost, type FallbackSlot } from './fallback-host-pool';

/**
 * Where a meeting is hosted, and the one place that decides it:
 * - a new meeting goes to the interviewer's own Zoom account; when that account cannot be used it falls
 *   back to the organisation's Server-to-Server account, with the reason (fallbackReasonFor);
 * - Zoom being unavailable is never a reason to fall back (the other account is on the same Zoom): the
 *   change is thrown as retryable, stays `pending`, and the worker retries it where it belongs;
 * - an existing meeting stays on the account that created it; changes never hop accounts (withHostToken);
 * - every call gets one forced token refresh when Zoom answers 401, for either account (callWithToken).
 */

export interface MeetingHost {
  hostSource: HostSource;
  /** The interviewer (CRM user) whose account hosts it, when hostSource is `interviewer`. */
  interviewerId: string;
  /** The Zoom user hosting it, when known: lets the organisation's app act on it if the interviewer's token is gone. */
  hostZoomUserId?: string | null;
}

/** Errors withHostToken throws when the interviewer's own account can no longer be used for the meeting. */
export function isHostAccountUnusable(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'zoom_not_connected' || error.code === 'zoom_token_rejected');
}

export type FallbackReason = Exclude<HostReason, 'connected'>;

export const TOKEN_REJECTED_PROBLEM = 'Zoom rejected this connection even after renewing it. Reconnect Zoom to host interviews from your own account.';

type UsableToken = Extract<AccessTokenResult, { ok: true }>;

/** A call made with a host's token, or why no token Zoom accepts could be had. */
export type TokenCallOutcome<T> =
  | { ok: true; value: T; token: UsableToken }
  | { ok: false; problem: AccessTokenProblem; afterRejection: boolean }
  | { ok: false; problem: 'token_rejected'; cause: ZoomFailure };

/**
 * One Zoom call with `source`'s token: on a 401, one forced refresh and one more try; a second 401 marks
 * that token rejected. Every Zoom call about meetings goes through here, whoever makes it (a request or the worker).
 */
export async function callWithToken<T>(source: AccessTokenSource, call: (token: UsableToken) => Promise<T>): Promise<TokenCallOutcome<T>> {
  let token = await source.getAccessToken();
  if (!token.ok) return { ok: false, problem: token.reason, afterRejection: false };
  for (let refreshed = false; ; refreshed = true) {
    try {
      return { ok: true, value: await call(token), token };
    } catch (error) {
      if (!isZoomFailure(error, 'rejected_token')) throw error;
      if (refreshed) {
        await source.markRejected(token.accessToken, TOKEN_REJECTED_PROBLEM);
        return { ok: false, problem: 'token_rejected', cause: error };
      }
      const renewed = await source.getAccessToken({ forceRefresh: true, rejected: token.accessToken });
      if (!renewed.ok) return { ok: false, problem: renewed.reason, afterRejection: true };
      token = renewed;
    }
  }
}

/**
 * Why a meeting goes to the organisation's account when the interviewer's token cannot be used.
 * `afterRejection`: the problem came from the refresh forced by Zoom refusing the token.
 * Throws (retryable) for zoom_unavailable: see the rule at the top of this file.
 */
export function fallbackReasonFor(problem: AccessTokenProblem | 'token_rejected', afterRejection = false): FallbackReason {
  switch (problem) {
    case 'zoom_unavailable':
      throw zoomUnavailable("renewing the interviewer's Zoom token");
    case 'refresh_failed':
      // A refresh that could not run (Zoom error, unreadable stored token) is not Zoom refusing the token.
      return 'interviewer_refresh_failed';
    case 'token_rejected':
      return 'interviewer_token_rejected';
    case 'not_connected':
    case 'needs_reconnect':
      // Found that way before any call: say so. Ended that way by the refresh a 401 forced: Zoom refused the token.
      return afterRejection ? 'interviewer_token_rejected' : problem;
  }
}

/** Which account a create is about to be sent to, and why: remembered in case Zoom never confirms it. */
export interface HostChoice {
  hostSource: HostSource;
  hostReason: HostReason;
  /** The panel member whose own account it goes to (hostSource `interviewer`); null for the organisation's. */
  hostInterviewerId?: string | null;
}

export interface HostedResult<T> extends HostChoice {
  value: T;
  /** The Zoom user the call acted for: the interviewer's Zoom id, or ZOOM_USER_ID for the organisation. */
  zoomUserId: string;
  zoomEmail: string | null;
}

/**
 * Runs a call that makes a new meeting on the host it should have: the interviewer's own account (for a
 * panel, the first member's that works: panel-host-choice.ts), else the organisation's with the reason.
 * `call` gets the token, the Zoom user to act for ('me' for a user-level token) and the host it is about to be sent to.
 */
export async function onNewMeetingHost<T>(
  deps: MeetingServiceDeps,
  interviewers: string | readonly string[],
  call: (token: Secret, zoomUserId: string, host: HostChoice) => Promise<T>,
  options: {
    /** When no member of `interviewers` can host (or there is none), the reason the fallback records instead of the first member's. */
    noMemberReason?: FallbackReason;
    fallbackSlot?: FallbackSlot;
    /** Panel members' connections the create already read (read-for-scheduling.ts): their first token comes from there. */
    readAlready?: ReadonlyMap<string, StoredZoomConnection | null>;
  } = {},
): Promise<HostedResult<T>> {
  let reason: FallbackReason;
  const panel = typeof interviewers === 'string' ? [interviewers] : interviewers;
  if (panel.length === 0) {
    reason = options.noMemberReason ?? 'not_connected';
  } else {
    const own = await firstPanelMemberHost(panel, (memberId) => tryInterviewerAccount(deps, memberId, call, options.readAlready?.has(memberId) ? (options.readAlready.get(memberId) ?? null) : undefined), deps.logger);
    if (own.ok) return own.hosted;
    reason = options.noMemberReason ?? own.reason;
  }
  const system = requireSystemAccount(deps, reason);
  // The pool host with a free slot at that time (fallback-host-pool.ts); ZOOM_USER_ID without a pool.
  const { value, hostUserId } = await onFallbackHost(deps.fallbackHosts, options.fallbackSlot, deps.systemHostUserId, (host) =>
    withSystemToken(system, "creating the meeting on the organisation's Zoom account", async (token) => {
      try {
        return await call(token, host, { hostSource: 'system', hostReason: reason });
      } catch (error) {
        if (!isZoomFailure(error, 'not_found')) throw error;
        throw new AppError({
          code: 'zoom_not_configured',
          status: 503,
          message: `${host === deps.systemHostUserId ? 'ZOOM_USER_ID' : 'The ZOOM_FALLBACK_HOSTS entry'} "${host}" is not a user of the organisation's Zoom account`,
          details: { reason: 'zoom_not_configured', retryable: false, retryAfterMs: null },
          cause: error,
        });
      }
    }),
  );
  return { value, hostSource: 'system', hostReason: reason, zoomUserId: hostUserId, zoomEmail: systemHostEmail({ systemHostUserId: hostUserId }) };
}

/** The interviewer's own account first: the meeting made there, or why it cannot be (see fallbackReasonFor). */
async function tryInterviewerAccount<T>(
  deps: MeetingServiceDeps,
  interviewerId: string,
  call: (token: Secret, zoomUserId: string, host: HostChoice) => Promise<T>,
  readAlready?: StoredZoomConnection | null,
): Promise<{ ok: true; hosted: HostedResult<T> } | { ok: false; reason: FallbackReason }> {
  try {
    const own = await callWithToken(deps.userAccessTokens.forUser(interviewerId, readAlready), (token) =>
      call(token.accessToken, 'me', { hostSource: 'interviewer', hostReason: 'connected', hostInterviewerId: interviewerId }),
    );
    if (own.ok) {
      return { ok: true, hosted: { value: own.value, hostSource: 'interviewer', hostReason: 'connected', hostInterviewerId: interviewerId, zoomUserId: own.token.zoomUserId ?? 'me', zoomEmail: own.token.zoomEmail } };
    }
    if (own.problem === 'token_rejected') {
      deps.logger.warn({ userId: interviewerId, zoomCode: own.cause.zoomCode }, 'Zoom rejected the interviewer token after a refresh; falling back to the system account');
      return { ok: false, reason: fallbackReasonFor('token_rejected') };
    }
    return { ok: false, reason: fallbackReasonFor(own.problem, own.afterRejection) };
  } catch (error) {
    // The interviewer's daily create cap resets at midnight UTC; the organisation's account can host it now.
    if (!isZoomFailure(error, 'daily_limit')) throw isZoomFailure(error) ? meetingError(error, "creating the meeting on the interviewer's Zoom account") : error;
    return { ok: false, reason: 'interviewer_daily_limit' };
  }
}

/** Runs one Zoom call about an existing meeting with a token of the account that hosts it. */
export async function withHostToken<T>(deps: MeetingServiceDeps, host: MeetingHost, context: string, call: (token: Secret) => Promise<T>): Promise<T> {
  if (host.hostSource === 'system') {
    if (!deps.systemAccessTokens) {
      throw new AppError({
        code: 'zoom_not_configured',
        status: 503,
        message: "The meeting is on the organisation's Zoom account, but its Server-to-Server app is no longer configured",
        details: { reason: 'zoom_not_configured', retryable: false, retryAfterMs: null },
      });
    }
    return withSystemToken(deps.systemAccessTokens, context, call);
  }
  const outcome = await callWithToken(deps.userAccessTokens.forUser(host.interviewerId), (token) => call(token.accessToken)).catch((error: unknown) => {
    throw isZoomFailure(error) ? meetingError(error, context) : error;
  });
  if (outcome.ok) return outcome.value;
  if (outcome.problem === 'zoom_unavailable') throw zoomUnavailable(context);
  if (outcome.problem === 'token_rejected') {
    throw new AppError({
      code: 'zoom_token_rejected',
      status: 409,
      message: "Zoom rejected the interviewer's connection even after renewing it; they need to reconnect Zoom",
      details: { reason: 'host_token_rejected', retryable: false, retryAfterMs: null },
      cause: outcome.cause,
    });
  }
  throw new AppError({
    code: 'zoom_not_connected',
    status: 409,
    message: `The meeting is hosted on the interviewer's Zoom account, which is ${outcome.problem === 'not_connected' ? 'no longer connected' : 'waiting to be reconnected'}; reconnect it, then try again`,
    details: { reason: 'host_not_connected', retryable: false, retryAfterMs: null },
  });
}

/**
 * `withHostToken` for a call about a meeting Zoom should still hold: a 404 means it was deleted in Zoom,
 * which no retry or other account can fix.
 */
export async function onExistingMeeting<T>(deps: MeetingServiceDeps, host: MeetingHost, context: string, call: (token: Secret) => Promise<T>): Promise<T> {
  try {
    return await withHostToken(deps, host, context, call);
  } catch (error) {
    if (!(error instanceof AppError) || !isZoomFailure(error.cause, 'not_found')) throw error;
    throw new AppError({
      code: 'meeting_failed',
      status: 502,
      message: 'The meeting no longer exists in Zoom (it was deleted there); cancel this interview and schedule a new one',
      details: { reason: 'zoom_meeting_missing', retryable: false, retryAfterMs: null },
      cause: error.cause,
    });
  }
}

/** The organisation's token: it is always issued or throws, so only a second 401 (after a fresh token) fails here. */
async function withSystemToken<T>(source: AccessTokenSource, context: string, call: (token: Secret) => Promise<T>): Promise<T> {
  let outcome: TokenCallOutcome<T>;
  try {
    outcome = await callWithToken(source, (token) => call(token.accessToken));
  } catch (error) {
    throw isZoomFailure(error) ? meetingError(error, context) : error;
  }
  if (outcome.ok) return outcome.value;
  if (outcome.problem === 'token_rejected') throw meetingError(outcome.cause, context);
  throw outcome.problem === 'zoom_unavailable' ? zoomUnavailable(context) : new AppError({ code: 'zoom_not_configured', status: 503, message: `The organisation's Zoom token could not be had (${outcome.problem})`, details: { reason: 'zoom_not_configured', retryable: false, retryAfterMs: null } });
}

function requireSystemAccount(deps: MeetingServiceDeps, reason: FallbackReason): AccessTokenSource {
  if (deps.systemAccessTokens) return deps.systemAccessTokens;
  throw new AppError({
    code: 'zoom_not_configured',
    status: 503,
    message: `The interviewer cannot host (${reason}) and the organisation's Zoom Server-to-Server app is not configured (ZOOM_ACCOUNT_ID, ZOOM_S2S_CLIENT_ID, ZOOM_S2S_CLIENT_SECRET)`,
    details: { reason: 'zoom_not_configured', retryable: false, retryAfterMs: null, hostReason: reason },
  });
}

/** ZOOM_USER_ID may be the host's email (as admins are told to configure it) or a Zoom user id. */
export function systemHostEmail(deps: Pick<MeetingServiceDeps, 'systemHostUserId'>): string | null {
  return deps.systemHostUserId.includes('@') ? deps.systemHostUserId : null;
}
