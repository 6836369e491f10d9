import { AppError } from '../../errors/app-error';
import { isZoomFailure } from '../ports/zoom-failure';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { withHostToken, type MeetingHost } from './meeting-host';

/** Deletes the meeting on the account that hosts it; a meeting already gone in Zoom (3001) counts as deleted. */
export function makeDeleteZoomMeeting(deps: MeetingServiceDeps) {
  return async function deleteZoomMeeting(zoomMeetingId: string, host: MeetingHost): Promise<{ alreadyGone: boolean }> {
    try {
      await withHostToken(deps, host, 'deleting the meeting', (token) => deps.zoom.deleteMeeting(token, zoomMeetingId));
      return { alreadyGone: false };
    } catch (error) {
      if (error instanceof AppError && isZoomFailure(error.cause, 'not_found')) return { alreadyGone: true };
      throw error;
    }
  };
}

export type DeleteZoomMeeting = ReturnType<typeof makeDeleteZoomMeeting>;
