import { ORGANISATION_MEETING_DEFAULTS, type HostReason, type HostSource, type MeetingDefaults } from '@crm/shared/interviews';
import type { ZoomMeeting } from '../ports/zoom-gateway';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { knownMeetingDefaults, type KnownRecords } from '../interviews/known-records';
import { onNewMeetingHost, type FallbackReason, type HostChoice } from './meeting-host';
import { releaseFallbackHost, type FallbackSlot } from './fallback-host-pool';
import { newPasscode, zoomCreateBody, type MeetingData } from './zoom-meeting-body';
import { alternativeHostsSetting, withAlternativeHosts, type PanelCandidate } from './alternative-hosts';

export interface CreatedZoomMeeting {
  meeting: ZoomMeeting;
  hostSource: HostSource;
  hostReason: HostReason;
  /** The Zoom user hosting it: the interviewer's Zoom id, or ZOOM_USER_ID for the system account. */
  hostZoomUserId: string;
  hostZoomEmail: string | null;
  /** The panel member whose own account hosts it; null on the organisation's account. */
  hostInterviewerId: string | null;
  /** Panel members Zoom accepted as alternative hosts. */
  alternativeHostIds: string[];
}

/** Which account a create is about to be sent to, and why. */
export type CreateSending = HostChoice;

/**
 * The design note's entry point: `createZoomMeeting(meetingData, hostUserId)`, hostUserId being the
 * interviewer. Which account hosts it is decided in meeting-host.ts. `beforeSend` runs before each
 * create call goes out, so an unconfirmed one can be found later (see find-unconfirmed-zoom-meeting.ts).
 */
export function makeCreateZoomMeeting(deps: MeetingServiceDeps) {
  return async function createZoomMeeting(
    meetingData: MeetingData,
    hostUserId: string,
    options: {
      beforeSend?: (sending: CreateSending) => Promise<void>;
      /**
       * A re-host: the member whose account can no longer hold the meeting is not tried; the rest of the
       * panel is, in order, and when none can host the organisation's account does, for `reason`.
       */
      rehost?: { reason: FallbackReason; previousHostId: string };
      /** The interview and its time, so a fallback takes a free slot of the host pool. */
      fallbackSlot?: FallbackSlot;
      /** What the request already read: the interviewer's defaults are read once and remembered there. */
      known?: KnownRecords;
      /**
       * The whole panel in order (hostUserId first), with the email each is known to Zoom by: members are
       * tried as host in this order, and the others are offered to Zoom as alternative hosts.
       */
      panel?: readonly PanelCandidate[];
    } = {},
  ): Promise<CreatedZoomMeeting> {
    const password = newPasscode();
    const panel = options.panel && options.panel.length > 0 ? options.panel : [{ interviewerId: hostUserId, email: '' }];
    const defaultsOf = new Map<string, MeetingDefaults>();
    const hostCandidates = panel.map((member) => member.interviewerId).filter((id) => id !== options.rehost?.previousHostId);
    const hosted = await onNewMeetingHost(deps, hostCandidates, async (token, zoomUserId, host) => {
      // The hosting interviewer's own settings apply on their account; the organisation's on its account.
      const hostId = host.hostInterviewerId ?? hostUserId;
      let defaults = ORGANISATION_MEETING_DEFAULTS;
      if (host.hostSource === 'interviewer') {
        if (!defaultsOf.has(hostId)) defaultsOf.set(hostId, (await (options.known ? knownMeetingDefaults(options.known, deps.meetingDefaults) : deps.meetingDefaults).get(hostId)) ?? ORGANISATION_MEETING_DEFAULTS);
        defaults = defaultsOf.get(hostId)!;
      }
      await options.beforeSend?.(host);
      const others = panel.filter((member) => member.email !== '' && member.interviewerId !== (host.hostSource === 'interviewer' ? hostId : null));
      return withAlternativeHosts(others, (alternatives) => {
        const body = zoomCreateBody(meetingData, defaults, password);
        return deps.zoom.createMeeting(token, zoomUserId, alternatives.length > 0 ? { ...body, settings: { ...body.settings, alternative_hosts: alternativeHostsSetting(alternatives) } } : body);
      });
    }, {
      ...(options.rehost ? { noMemberReason: options.rehost.reason } : {}),
      ...(options.fallbackSlot ? { fallbackSlot: options.fallbackSlot } : {}),
      ...(options.known?.connections ? { readAlready: options.known.connections } : {}),
    });
    const { value: meeting, alternativeHostIds } = hosted.value;
    // Hosted on the interviewer's own account after an earlier try took a pool slot: that slot is free again.
    if (hosted.hostSource === 'interviewer' && options.fallbackSlot) await releaseFallbackHost(deps.fallbackHosts, options.fallbackSlot.interviewId);
    return {
      meeting,
      hostSource: hosted.hostSource,
      hostReason: hosted.hostReason,
      hostZoomUserId: meeting.hostId ?? hosted.zoomUserId,
      hostZoomEmail: meeting.hostEmail ?? hosted.zoomEmail,
      hostInterviewerId: hosted.hostSource === 'interviewer' ? (hosted.hostInterviewerId ?? hostUserId) : null,
      alternativeHostIds,
    };
  };
}

export type CreateZoomMeeting = ReturnType<typeof makeCreateZoomMeeting>;
