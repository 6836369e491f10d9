import type { HostReason, HostSource } from '@crm/shared/interviews';
import type { UnconfirmedCreate } from '../ports/interview-repository';
import type { Secret } from '../ports/secret';
import { isZoomFailure } from '../ports/zoom-failure';
import type { CreatedZoomMeeting } from './create-zoom-meeting';
import { meetingError, zoomUnavailable } from './meeting-failure';
import { fallbackReasonFor, systemHostEmail } from './meeting-host';
import type { MeetingServiceDeps } from './meeting-service-deps';

interface Account {
  source: HostSource;
  reason: HostReason;
  /** Whose meetings to list: 'me' for the interviewer's own token, ZOOM_USER_ID for the organisation. */
  zoomUserId: string;
  token: () => Promise<Secret>;
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
    const own = await deps.userAccessTokens.forUser(hostUserId).getAccessToken();
    if (sent.hostSource !== 'system') {
      if (own.ok) accounts.push({ source: 'interviewer', reason: 'connected', zoomUserId: 'me', token: async () => own.accessToken, email: own.zoomEmail });
      else if (own.reason === 'zoom_unavailable') throw zoomUnavailable(context);
    }
    const system = deps.systemAccessTokens;
    if (system && sent.hostSource !== 'interviewer') {
      // Where it went and why is remembered once the call was about to go out; otherwise infer it as a create would.
      const reason = sent.hostSource === 'system' && sent.hostReason ? sent.hostReason : own.ok ? 'interviewer_token_rejected' : fallbackReasonFor(own.reason);
      accounts.push({
        source: 'system',
        reason,
        zoomUserId: deps.systemHostUserId,
        token: async () => {
          const token = await system.getAccessToken();
          if (!token.ok) throw zoomUnavailable(context);
          return token.accessToken;
        },
        email: systemHostEmail(deps),
      });
    }
    for (const account of accounts) {
      try {
        const accessToken = await account.token();
        const candidates = (await deps.zoom.listUpcomingMeetings(accessToken, account.zoomUserId)).filter((m) => m.topic === sent.topic && m.startTime === sent.startTime);
        let match: (typeof candidates)[number] | undefined;
        for (const candidate of candidates) {
          if (!(await deps.interviews.isZoomMeetingTaken(candidate.id, interviewId))) {
            match = candidate;
            break;
          }
        }
        if (!match) continue;
        const meeting = await deps.zoom.getMeeting(accessToken, match.id);
        deps.logger.info({ zoomMeetingId: meeting.id, hostSource: account.source }, 'adopted a meeting an earlier unconfirmed create had made');
        return { meeting, hostSource: account.source, hostReason: account.reason, hostZoomUserId: meeting.hostId ?? account.zoomUserId, hostZoomEmail: meeting.hostEmail ?? account.email };
      } catch (error) {
        // Not being able to look is not being sure it is absent: creating now could duplicate it.
        if (isZoomFailure(error)) throw meetingError(error, context);
        throw error;
      }
    }
    return null;
  };
}

export type FindUnconfirmedZoomMeeting = ReturnType<typeof makeFindUnconfirmedZoomMeeting>;
