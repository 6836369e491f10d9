import { AppError } from '../../errors/app-error';
import { isZoomFailure } from '../ports/zoom-failure';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { withHostToken, type MeetingHost } from './meeting-host';
import { zoomSchedule, type MeetingData } from './zoom-meeting-body';

/** Reschedules the meeting on the account that hosts it (PATCH /meetings/{id}). */
export function makeUpdateZoomMeeting(deps: MeetingServiceDeps) {
  return async function updateZoomMeeting(zoomMeetingId: string, host: MeetingHost, meetingData: MeetingData): Promise<void> {
    try {
      await withHostToken(deps, host, 'rescheduling the meeting', (token) => deps.zoom.updateMeeting(token, zoomMeetingId, zoomSchedule(meetingData)));
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
  };
}

export type UpdateZoomMeeting = ReturnType<typeof makeUpdateZoomMeeting>;
