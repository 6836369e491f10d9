import { ORGANISATION_MEETING_DEFAULTS, type HostReason, type HostSource, type MeetingDefaults } from '@crm/shared/interviews';
import type { ZoomMeeting } from '../ports/zoom-gateway';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { knownMeetingDefaults, type KnownRecords } from '../interviews/known-records';
import { onNewMeetingHost, type FallbackReason, type HostChoice } from './meeting-host';
import { releaseFallbackHost, type FallbackSlot } from './fallback-host-pool';
import { newPasscode, zoomCreateBody, type MeetingData } from './zoom-meeting-body';

export interface CreatedZoomMeeting {
  meeting: ZoomMeeting;
  hostSource: HostSource;
  hostReason: HostReason;
  /** The Zoom user hosting it: the interviewer's Zoom id, or ZOOM_USER_ID for the system account. */
  hostZoomUserId: string;
  hostZoomEmail: string | null;
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
      systemReason?: FallbackReason;
      /** The interview and its time, so a fallback takes a free slot of the host pool. */
      fallbackSlot?: FallbackSlot;
      /** What the request already read: the interviewer's defaults are read once and remembered there. */
      known?: KnownRecords;
    } = {},
  ): Promise<CreatedZoomMeeting> {
    const password = newPasscode();
    let interviewerDefaults: MeetingDefaults | undefined;
    const hosted = await onNewMeetingHost(deps, hostUserId, async (token, zoomUserId, host) => {
      // The interviewer's own settings apply on their account; the organisation's on its account.
      const defaults =
        host.hostSource === 'interviewer' ? (interviewerDefaults ??= (await (options.known ? knownMeetingDefaults(options.known, deps.meetingDefaults) : deps.meetingDefaults).get(hostUserId)) ?? ORGANISATION_MEETING_DEFAULTS) : ORGANISATION_MEETING_DEFAULTS;
      await options.beforeSend?.(host);
      return deps.zoom.createMeeting(token, zoomUserId, zoomCreateBody(meetingData, defaults, password));
    }, {
      ...(options.systemReason ? { systemReason: options.systemReason } : {}),
      ...(options.fallbackSlot ? { fallbackSlot: options.fallbackSlot } : {}),
      ...(options.known?.connections?.has(hostUserId) ? { readAlready: options.known.connections.get(hostUserId) ?? null } : {}),
    });
    const { value: meeting } = hosted;
    // Hosted on the interviewer's own account after an earlier try took a pool slot: that slot is free again.
    if (hosted.hostSource === 'interviewer' && options.fallbackSlot) await releaseFallbackHost(deps.fallbackHosts, options.fallbackSlot.interviewId);
    return {
      meeting,
      hostSource: hosted.hostSource,
      hostReason: hosted.hostReason,
      hostZoomUserId: meeting.hostId ?? hosted.zoomUserId,
      hostZoomEmail: meeting.hostEmail ?? hosted.zoomEmail,
    };
  };
}

export type CreateZoomMeeting = ReturnType<typeof makeCreateZoomMeeting>;
