import { AppError } from '../../errors/app-error';
import { isZoomApiError } from '../../zoom/zoom-api-error';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { withHostToken, type MeetingHost } from './with-host-token';

/** Deletes the meeting on the account that hosts it; a meeting already gone in Zoom (3001) counts as deleted. */
export function makeDeleteZoomMeeting(deps: MeetingServiceDeps) {
  return async function deleteZoomMeeting(zoomMeetingId: string, host: MeetingHost): Promise<{ alreadyGone: boolean }> {
    try {
      await withHostToken(deps, host, 'deleting the meeting', (token) => deps.zoomApi.deleteMeeting(token, zoomMeetingId));
      return { alreadyGone: false };
    } catch (error) {
      if (error instanceof AppError && isZoomApiError(error.cause) && error.cause.kind === 'not_found') return { alreadyGone: true };
      throw error;
    }
  };
}

export type DeleteZoomMeeting = ReturnType<typeof makeDeleteZoomMeeting>;
