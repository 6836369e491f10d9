import { ORGANISATION_MEETING_DEFAULTS, type HostReason, type HostSource } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { ZoomMeeting } from '../../zoom/zoom-api-client';
import { isZoomApiError, type ZoomApiError } from '../../zoom/zoom-api-error';
import type { ZoomSecret } from '../../zoom/zoom-secret';
import { meetingError } from './meeting-failure';
import type { UnconfirmedCreate } from '../ports/interview-repository';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { newPasscode, zoomCreateBody, type MeetingData } from './zoom-meeting-body';

export interface CreatedZoomMeeting {
  meeting: ZoomMeeting;
  hostSource: HostSource;
  hostReason: HostReason;
  /** The Zoom user hosting it: the interviewer's Zoom id, or ZOOM_USER_ID for the system account. */
  hostZoomUserId: string;
  hostZoomEmail: string | null;
}

type InterviewerAttempt = { done: true; created: CreatedZoomMeeting } | { done: false; fallbackReason: Exclude<HostReason, 'connected'> };

export const TOKEN_REJECTED_PROBLEM = 'Zoom rejected this connection even after renewing it. Reconnect Zoom to host interviews from your own account.';

/** Which account a create is about to be sent to, and why: remembered in case Zoom never confirms it. */
export interface CreateSending {
  hostSource: HostSource;
  hostReason: HostReason;
}

/**
 * The design note's entry point: `createZoomMeeting(meetingData, hostUserId)`, hostUserId being the
 * interviewer. Their own Zoom account first; the organisation's Server-to-Server app when theirs
 * cannot be used, with the reason. Zoom being down is not a reason to move the meeting to the system
 * account: that error is thrown (retryable) so the meeting is queued and lands where it belongs.
 * `beforeSend` runs before each create call goes out, so an unconfirmed one can be found later
 * (see findUnconfirmedZoomMeeting).
 */
export function makeCreateZoomMeeting(deps: MeetingServiceDeps) {
  return async function createZoomMeeting(
    meetingData: MeetingData,
    hostUserId: string,
    options: { beforeSend?: (sending: CreateSending) => Promise<void> } = {},
  ): Promise<CreatedZoomMeeting> {
    const beforeSend = options.beforeSend ?? (async () => undefined);
    const password = newPasscode();
    const attempt = await createOnInterviewerAccount(deps, meetingData, hostUserId, password, beforeSend);
    if (attempt.done) return attempt.created;
    return createOnSystemAccount(deps, meetingData, password, attempt.fallbackReason, beforeSend);
  };
}

export type CreateZoomMeeting = ReturnType<typeof makeCreateZoomMeeting>;

async function createOnInterviewerAccount(
  deps: MeetingServiceDeps,
  data: MeetingData,
  hostUserId: string,
  password: string,
  beforeSend: (sending: CreateSending) => Promise<void>,
): Promise<InterviewerAttempt> {
  const first = await deps.userTokens.getAccessToken(hostUserId);
  if (!first.ok) return fallbackFor(first.reason);
  const defaults = (await deps.meetingDefaults.get(hostUserId)) ?? ORGANISATION_MEETING_DEFAULTS;
  const body = zoomCreateBody(data, defaults, password);
  // 'me' is right for a user-level token: it always names the token's own user.
  const create = async (token: ZoomSecret) => {
    await beforeSend({ hostSource: 'interviewer', hostReason: 'connected' });
    return deps.zoomApi.createMeeting(token, 'me', body);
  };

  let token = first;
  for (let refreshed = false; ; refreshed = true) {
    try {
      const meeting = await create(token.accessToken);
      return {
        done: true,
        created: { meeting, hostSource: 'interviewer', hostReason: 'connected', hostZoomUserId: meeting.hostId ?? token.zoomUserId, hostZoomEmail: meeting.hostEmail ?? token.zoomEmail },
      };
    } catch (error) {
      if (!isZoomApiError(error)) throw error;
      if (error.kind === 'daily_limit') return { done: false, fallbackReason: 'interviewer_daily_limit' };
      if (error.kind !== 'rejected_token') throw meetingError(error, "creating the meeting on the interviewer's Zoom account");
      if (refreshed) {
        await deps.userTokens.markRejected(hostUserId, TOKEN_REJECTED_PROBLEM, token.accessToken);
        deps.logger.warn({ userId: hostUserId, zoomCode: error.zoomCode }, 'Zoom rejected the interviewer token after a refresh; falling back to the system account');
        return { done: false, fallbackReason: 'interviewer_token_rejected' };
      }
      const renewed = await deps.userTokens.getAccessToken(hostUserId, { forceRefresh: true, rejected: token.accessToken });
      if (!renewed.ok) {
        if (renewed.reason === 'zoom_unavailable') throw unavailable('renewing the interviewer token');
        // A refresh that could not run (Zoom error, unreadable stored token) is not Zoom refusing the token.
        return { done: false, fallbackReason: renewed.reason === 'refresh_failed' ? 'interviewer_refresh_failed' : 'interviewer_token_rejected' };
      }
      token = renewed;
    }
  }
}

function fallbackFor(reason: 'not_connected' | 'needs_reconnect' | 'refresh_failed' | 'zoom_unavailable'): InterviewerAttempt {
  switch (reason) {
    case 'not_connected':
      return { done: false, fallbackReason: 'not_connected' };
    case 'needs_reconnect':
      return { done: false, fallbackReason: 'needs_reconnect' };
    case 'refresh_failed':
      return { done: false, fallbackReason: 'interviewer_refresh_failed' };
    case 'zoom_unavailable':
      // Zoom's token endpoint is down: queue rather than move the meeting off the interviewer's account.
      throw unavailable("renewing the interviewer's Zoom token");
  }
}

async function createOnSystemAccount(
  deps: MeetingServiceDeps,
  data: MeetingData,
  password: string,
  reason: Exclude<HostReason, 'connected'>,
  beforeSend: (sending: CreateSending) => Promise<void>,
): Promise<CreatedZoomMeeting> {
  const systemToken = deps.systemToken;
  if (!systemToken) {
    throw new AppError({
      code: 'zoom_not_configured',
      status: 503,
      message: `The interviewer cannot host (${reason}) and the organisation's Zoom Server-to-Server app is not configured (ZOOM_ACCOUNT_ID, ZOOM_S2S_CLIENT_ID, ZOOM_S2S_CLIENT_SECRET)`,
      details: { reason: 'zoom_not_configured', retryable: false, retryAfterMs: null, hostReason: reason },
    });
  }
  const body = zoomCreateBody(data, ORGANISATION_MEETING_DEFAULTS, password);
  for (let renewed = false; ; renewed = true) {
    let token: ZoomSecret;
    try {
      token = await systemToken.get();
    } catch (error) {
      if (isZoomApiError(error)) throw meetingError(error, "getting the organisation's Zoom token");
      throw error;
    }
    await beforeSend({ hostSource: 'system', hostReason: reason });
    try {
      const meeting = await deps.zoomApi.createMeeting(token, deps.systemHostUserId, body);
      return {
        meeting,
        hostSource: 'system',
        hostReason: reason,
        hostZoomUserId: meeting.hostId ?? deps.systemHostUserId,
        hostZoomEmail: meeting.hostEmail ?? (deps.systemHostUserId.includes('@') ? deps.systemHostUserId : null),
      };
    } catch (error) {
      if (!isZoomApiError(error)) throw error;
      if (error.kind === 'rejected_token' && !renewed) {
        // The cached token was revoked or expired early: drop it everywhere and fetch one fresh token.
        await systemToken.invalidate(token);
        continue;
      }
      throw systemFailure(deps, error);
    }
  }
}

function systemFailure(deps: MeetingServiceDeps, error: ZoomApiError): AppError {
  if (error.kind === 'not_found') {
    return new AppError({
      code: 'zoom_not_configured',
      status: 503,
      message: `ZOOM_USER_ID "${deps.systemHostUserId}" is not a user of the organisation's Zoom account`,
      details: { reason: 'zoom_not_configured', retryable: false, retryAfterMs: null },
      cause: error,
    });
  }
  return meetingError(error, "creating the meeting on the organisation's Zoom account");
}

function unavailable(context: string): AppError {
  return new AppError({ code: 'zoom_unavailable', status: 503, message: `Zoom is not reachable right now (${context})`, details: { reason: 'zoom_unavailable', retryable: true, retryAfterMs: null } });
}

/**
 * An earlier create may have reached Zoom without us hearing back (timeout, dropped connection, crash).
 * Before anything else, look where it was sent (both accounts when that is not known) for a meeting
 * with the topic and start time it sent, and adopt it: that keeps retries from making duplicates and
 * lets a later reschedule or cancel reach it. A meeting already stored on another interview (a panel
 * shares topic and time) is never ours to adopt. Null only when it provably is not there.
 */
export function makeFindUnconfirmedZoomMeeting(deps: MeetingServiceDeps) {
  return async function findUnconfirmedZoomMeeting(sent: UnconfirmedCreate, hostUserId: string, interviewId: string): Promise<CreatedZoomMeeting | null> {
    const accounts: Array<{ source: HostSource; reason: HostReason; userId: string; get: () => Promise<ZoomSecret>; email: string | null }> = [];
    const token = await deps.userTokens.getAccessToken(hostUserId);
    if (sent.hostSource !== 'system') {
      if (token.ok) accounts.push({ source: 'interviewer', reason: 'connected', userId: 'me', get: async () => token.accessToken, email: token.zoomEmail });
      else if (token.reason === 'zoom_unavailable') throw unavailable('checking whether an earlier attempt created the meeting');
    }
    const systemToken = deps.systemToken;
    if (systemToken && sent.hostSource !== 'interviewer') {
      const reason = sent.hostSource === 'system' && sent.hostReason ? sent.hostReason : token.ok ? 'interviewer_token_rejected' : fallbackReasonOf(token.reason);
      accounts.push({ source: 'system', reason, userId: deps.systemHostUserId, get: () => systemToken.get(), email: deps.systemHostUserId.includes('@') ? deps.systemHostUserId : null });
    }
    for (const account of accounts) {
      try {
        const accessToken = await account.get();
        const candidates = (await deps.zoomApi.listUpcomingMeetings(accessToken, account.userId)).filter((m) => m.topic === sent.topic && m.startTime === sent.startTime);
        let match: (typeof candidates)[number] | undefined;
        for (const candidate of candidates) {
          if (!(await deps.interviews.isZoomMeetingTaken(candidate.id, interviewId))) {
            match = candidate;
            break;
          }
        }
        if (!match) continue;
        const meeting = await deps.zoomApi.getMeeting(accessToken, match.id);
        deps.logger.info({ zoomMeetingId: meeting.id, hostSource: account.source }, 'adopted a meeting an earlier unconfirmed create had made');
        return { meeting, hostSource: account.source, hostReason: account.reason, hostZoomUserId: meeting.hostId ?? account.userId, hostZoomEmail: meeting.hostEmail ?? account.email };
      } catch (error) {
        // Not being able to look is not being sure it is absent: creating now could duplicate it.
        if (isZoomApiError(error)) throw meetingError(error, 'checking whether an earlier attempt created the meeting');
        throw error;
      }
    }
    return null;
  };
}

export type FindUnconfirmedZoomMeeting = ReturnType<typeof makeFindUnconfirmedZoomMeeting>;

function fallbackReasonOf(reason: 'not_connected' | 'needs_reconnect' | 'refresh_failed' | 'zoom_unavailable'): Exclude<HostReason, 'connected'> {
  if (reason === 'not_connected' || reason === 'needs_reconnect') return reason;
  return reason === 'refresh_failed' ? 'interviewer_refresh_failed' : 'interviewer_token_rejected';
}
