import { AppError } from '../../errors/app-error';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { onExistingMeeting, type MeetingHost } from './meeting-host';

/**
 * A start URL fresh from Zoom, read with the hosting account's token. Zoom's start URLs carry the host's
 * ZAK and expire about 2 hours after issue, so one is fetched each time the host starts the meeting.
 */
export function makeGetZoomStartUrl(deps: MeetingServiceDeps) {
  return async function getZoomStartUrl(zoomMeetingId: string, host: MeetingHost): Promise<string> {
    const startUrl = await onExistingMeeting(deps, host, 'getting a start link', (token) => deps.zoom.getStartUrl(token, zoomMeetingId));
    if (!startUrl) {
      throw new AppError({ code: 'meeting_failed', status: 502, message: 'Zoom answered without a start link; start the meeting from the Zoom app instead', details: { reason: 'zoom_no_start_url', retryable: false, retryAfterMs: null } });
    }
    return startUrl;
  };
}

export type GetZoomStartUrl = ReturnType<typeof makeGetZoomStartUrl>;
