import { AppError } from '../../errors/app-error';
import { isZoomFailure } from '../ports/zoom-failure';
import type { MeetingServiceDeps } from './meeting-service-deps';
import { isHostAccountUnusable, withHostToken, type MeetingHost } from './meeting-host';

export interface DeletedZoomMeeting {
  alreadyGone: boolean;
  /** Deleted by the organisation's Server-to-Server app because the interviewer's token was gone. */
  bySystemAccount: boolean;
}

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && isZoomFailure(error.cause, 'not_found');
}

/**
 * Deletes the meeting so its join link stops working: with the hosting account's token; when the
 * interviewer's token is gone, with the organisation's Server-to-Server app if the host is a user of
 * its Zoom account; otherwise it throws `meeting_not_deleted` (retryable: the worker keeps trying until
 * access returns). A meeting already gone in Zoom (3001) counts as deleted.
 */
export function makeDeleteZoomMeeting(deps: MeetingServiceDeps) {
  return async function deleteZoomMeeting(zoomMeetingId: string, host: MeetingHost): Promise<DeletedZoomMeeting> {
    try {
      await withHostToken(deps, host, 'deleting the meeting', (token) => deps.zoom.deleteMeeting(token, zoomMeetingId));
      return { alreadyGone: false, bySystemAccount: false };
    } catch (error) {
      if (isNotFound(error)) return { alreadyGone: true, bySystemAccount: false };
      if (host.hostSource !== 'interviewer' || !isHostAccountUnusable(error)) throw error;
      return deleteWithSystemAccount(deps, zoomMeetingId, host, (error as AppError).message);
    }
  };
}

async function deleteWithSystemAccount(deps: MeetingServiceDeps, zoomMeetingId: string, host: MeetingHost, why: string): Promise<DeletedZoomMeeting> {
  const notDeleted = (reason: string) =>
    new AppError({
      code: 'zoom_not_connected',
      status: 409,
      message: `Zoom meeting could not be deleted: ${reason}. Its join link may still work; it is deleted as soon as the interviewer reconnects Zoom`,
      details: { reason: 'meeting_not_deleted', retryable: true, retryAfterMs: null },
    });
  if (!deps.systemAccessTokens) throw notDeleted(`${why} (and the organisation's Server-to-Server app is not configured)`);
  if (!host.hostZoomUserId) throw notDeleted(why);
  const system = { hostSource: 'system', interviewerId: host.interviewerId } as const;
  try {
    // Only a user of the organisation's own Zoom account is the organisation's to manage.
    await withHostToken(deps, system, "checking the host is on the organisation's Zoom account", (token) => deps.zoom.getUser(token, host.hostZoomUserId!));
  } catch (error) {
    if (isNotFound(error)) throw notDeleted(`${why}, and the host is not a user of the organisation's Zoom account`);
    throw error;
  }
  try {
    await withHostToken(deps, system, "deleting the meeting with the organisation's Zoom app", (token) => deps.zoom.deleteMeeting(token, zoomMeetingId));
  } catch (error) {
    if (isNotFound(error)) return { alreadyGone: true, bySystemAccount: true };
    throw error;
  }
  deps.logger.info({ zoomMeetingId, interviewerId: host.interviewerId }, "deleted the meeting with the organisation's Zoom app: the interviewer's token is gone");
  return { alreadyGone: false, bySystemAccount: true };
}

export type DeleteZoomMeeting = ReturnType<typeof makeDeleteZoomMeeting>;
