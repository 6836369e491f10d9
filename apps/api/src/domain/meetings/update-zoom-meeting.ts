import type { MeetingServiceDeps } from './meeting-service-deps';
import { onExistingMeeting, type MeetingHost } from './meeting-host';
import { zoomSchedule, type MeetingData } from './zoom-meeting-body';
import { alternativeHostsSetting, withAlternativeHosts, type PanelCandidate } from './alternative-hosts';

/**
 * Reschedules the meeting on the account that hosts it (PATCH /meetings/{id}). With `alternativeHosts`
 * (a panel), Zoom is also told who else may start it (an empty list clears them); returns the members
 * Zoom accepted, or null when alternative hosts were not part of the change.
 */
export function makeUpdateZoomMeeting(deps: MeetingServiceDeps) {
  return async function updateZoomMeeting(
    zoomMeetingId: string,
    host: MeetingHost,
    meetingData: MeetingData,
    options: { alternativeHosts?: readonly PanelCandidate[] } = {},
  ): Promise<string[] | null> {
    const { alternativeHosts } = options;
    if (!alternativeHosts) {
      await onExistingMeeting(deps, host, 'rescheduling the meeting', (token) => deps.zoom.updateMeeting(token, zoomMeetingId, zoomSchedule(meetingData)));
      return null;
    }
    const sent = await onExistingMeeting(deps, host, 'rescheduling the meeting', (token) =>
      withAlternativeHosts(alternativeHosts, (offered) =>
        deps.zoom.updateMeeting(token, zoomMeetingId, { ...zoomSchedule(meetingData), settings: { alternative_hosts: alternativeHostsSetting(offered) } }),
      ),
    );
    return sent.alternativeHostIds;
  };
}

export type UpdateZoomMeeting = ReturnType<typeof makeUpdateZoomMeeting>;
