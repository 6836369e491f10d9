import { AppError } from '../../errors/app-error';
import { isZoomFailure } from '../ports/zoom-failure';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { withHostToken, type MeetingHost } from './meeting-host';

/**
 * A start URL fresh from Zoom, read with the hosting account's token. Zoom's start URLs carry the host's
 * ZAK and expire about 2 hours after issue, so one is fetched each time the host starts the meeting.
 */
export function makeGetZoomStartUrl(deps: MeetingServiceDeps) {
  return async function getZoomStartUrl(zoomMeetingId: string, host: MeetingHost): Promise<string> {
    let startUrl: string | null;
    try {
      startUrl = await withHostToken(deps, host, 'getting a start link', (token) => deps.zoom.getStartUrl(token, zoomMeetingId));
    } catch (error) {
      if (error instanceof AppError && isZoomFailure(error.cause, 'not_found')) {
        throw new AppError({
          code: 'meeting_failed',
          status: 502,
          message: 'The meeting no longer exists in Zoom (it was deleted there); cancel this interview and schedule a new one',
          details: { reason: 'zoom_meeting_missing', retryable: false, retryAfterMs: null },
          cause: error.cause,
        });
      }
      throw error;
    }
    if (!startUrl) {
      throw new AppError({ code: 'meeting_failed', status: 502, message: 'Zoom answered without a start link; start the meeting from the Zoom app instead', details: { reason: 'zoom_no_start_url', retryable: false, retryAfterMs: null } });
    }
    return startUrl;
  };
}

export type GetZoomStartUrl = ReturnType<typeof makeGetZoomStartUrl>;
