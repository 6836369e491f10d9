import type { MeetingServiceDeps } from './meeting-service-deps';
import { onExistingMeeting, type MeetingHost } from './meeting-host';
import { zoomSchedule, type MeetingData } from './zoom-meeting-body';

/** Reschedules the meeting on the account that hosts it (PATCH /meetings/{id}). */
export function makeUpdateZoomMeeting(deps: MeetingServiceDeps) {
  return async function updateZoomMeeting(zoomMeetingId: string, host: MeetingHost, meetingData: MeetingData): Promise<void> {
    await onExistingMeeting(deps, host, 'rescheduling the meeting', (token) => deps.zoom.updateMeeting(token, zoomMeetingId, zoomSchedule(meetingData)));
  };
}

export type UpdateZoomMeeting = ReturnType<typeof makeUpdateZoomMeeting>;
