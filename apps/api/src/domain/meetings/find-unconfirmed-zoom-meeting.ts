import type { HostReason, HostSource } from '@crm/shared/interviews';
import type { AccessTokenSource } from '../ports/access-token-source';
import type { UnconfirmedCreate } from '../ports/interview-repository';
import type { ZoomMeeting } from '../ports/zoom-gateway';
import { isZoomFailure } from '../ports/zoom-failure';
import type { CreatedZoomMeeting } from './create-zoom-meeting';
import { meetingError, zoomUnavailable } from './meeting-failure';
import { callWithToken, fallbackReasonFor, systemHostEmail } from './meeting-host';
import type { MeetingServiceDeps } from './meeting-service-deps';

interface Account {
  source: HostSource;
  reason: HostReason;
  /** Whose meetings to list: 'me' for the interviewer's own token, ZOOM_USER_ID for the organisation. */
  zoomUserId: string;
  tokens: AccessTokenSource;
  email: string | null;
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
    const context = 'checking whether an earlier attempt created the meeting';
    const accounts: Account[] = [];
    const ownTokens = deps.userAccessTokens.forUser(hostUserId);
    const own = await ownTokens.getAccessToken();
    if (sent.hostSource !== 'system') {
      if (own.ok) accounts.push({ source: 'interviewer', reason: 'connected', zoomUserId: 'me', tokens: ownTokens, email: own.zoomEmail });
      else if (own.reason === 'zoom_unavailable') throw zoomUnavailable(context);
    }
    const system = deps.systemAccessTokens;
    if (system && sent.hostSource !== 'interviewer') {
      // Where it went and why is remembered once the call was about to go out; otherwise infer it as a create would.
      const reason = sent.hostSource === 'system' && sent.hostReason ? sent.hostReason : own.ok ? 'interviewer_token_rejected' : fallbackReasonFor(own.reason);
      // A pool host was given a slot for it before the call went out: that host's meetings are where to look.
      const systemHostUserId = (await deps.fallbackHosts?.slots.hostOf(interviewId)) ?? deps.systemHostUserId;
      accounts.push({
        source: 'system',
        reason,
        zoomUserId: systemHostUserId,
        tokens: system,
        email: systemHostEmail({ systemHostUserId }),
      });
    }
    for (const account of accounts) {
      let outcome;
      try {
        // With the account's token, renewed once if Zoom has forgotten it (a 401), like every other meeting call.
        outcome = await callWithToken(account.tokens, async ({ accessToken }): Promise<ZoomMeeting | null> => {
          const candidates = (await deps.zoom.listUpcomingMeetings(accessToken, account.zoomUserId)).filter((m) => m.topic === sent.topic && m.startTime === sent.startTime);
          for (const candidate of candidates) {
            if (!(await deps.interviews.isZoomMeetingTaken(candidate.id, interviewId))) return deps.zoom.getMeeting(accessToken, candidate.id);
          }
          return null;
        });
      } catch (error) {
        // Not being able to look is not being sure it is absent: creating now could duplicate it.
        if (isZoomFailure(error)) throw meetingError(error, context);
        throw error;
      }
      if (!outcome.ok) {
        if (outcome.problem === 'token_rejected' && account.source === 'system') throw meetingError(outcome.cause, context);
        if (outcome.problem === 'zoom_unavailable' || account.source === 'system') throw zoomUnavailable(context);
        // The interviewer's connection turned out unusable: nothing can be looked for or made there now.
        continue;
      }
      const meeting = outcome.value;
      if (!meeting) continue;
      deps.logger.info({ zoomMeetingId: meeting.id, hostSource: account.source }, 'adopted a meeting an earlier unconfirmed create had made');
      return {
        meeting,
        hostSource: account.source,
        hostReason: account.reason,
        hostZoomUserId: meeting.hostId ?? account.zoomUserId,
        hostZoomEmail: meeting.hostEmail ?? account.email,
        hostInterviewerId: account.source === 'interviewer' ? hostUserId : null,
        // Zoom's list does not say which alternative hosts it kept: the panel shows as panelists.
        alternativeHostIds: [],
      };
    }
    return null;
  };
}

export type FindUnconfirmedZoomMeeting = ReturnType<typeof makeFindUnconfirmedZoomMeeting>;
