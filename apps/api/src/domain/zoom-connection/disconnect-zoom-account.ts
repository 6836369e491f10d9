import type { ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import { syncNow } from '../interviews/sync-interview-meeting';
import type { RequestContext } from '../ports/request-context';
import { presentZoomStatus } from './present-zoom-status';
import { CONNECTION_PROBLEMS, type ZoomConnectionDeps } from './zoom-connection-deps';

/**
 * Disconnects `subjectUserId` (the caller, or a user an admin picked). Upcoming meetings hosted on that
 * Zoom account move to the organisation's account first: on a self-disconnect right here, while the
 * token still works (created there, then deleted on the user's account); on an admin's, by the worker.
 * Then the tokens and Zoom ids are wiped and, last, the grant is revoked at Zoom (best effort): Zoom
 * answers a revoke with an `app_deauthorized` webhook, which then finds nobody holding that Zoom user
 * and changes nothing, however early, late or often it arrives. Idempotent.
 */
export async function disconnectZoomAccount(
  deps: ZoomConnectionDeps,
  subjectUserId: string,
  context: RequestContext,
  /** Why, when it is not the caller's own choice or an admin's force-disconnect (the audit's cause). */
  options: { cause?: 'user_deactivated' } = {},
): Promise<ZoomStatusResponse> {
  const subject = await deps.users.findById(subjectUserId);
  if (!subject) throw new AppError({ code: 'not_found', status: 404, message: 'No such user' });
  const byAdmin = context.actorUserId !== null && context.actorUserId !== subjectUserId;

  const stored = await deps.connections.getConnection(subjectUserId);
  let moved: { queued: number; stillPending: number } = { queued: 0, stillPending: 0 };
  if (stored?.tokens) moved = await moveUpcomingMeetings(deps, subjectUserId, { now: !byAdmin });

  // The wipe and its audit event are stored together or not at all, and before the revoke: Zoom answers a
  // revoke with an app_deauthorized webhook, which must find nobody holding that Zoom user.
  const cleared = await deps.atomically(async () => {
    const wiped = await deps.connections.clearConnection(subjectUserId, byAdmin ? CONNECTION_PROBLEMS.disconnectedByAdmin : null);
    if (!wiped || (wiped.previousState === 'not_connected' && !wiped.tokens)) return wiped;
    const actor = context.actorUserId ? await deps.users.findById(context.actorUserId) : null;
    await recordAuditEvent(deps.audit, {
      type: 'zoom.disconnected',
      actor: { userId: context.actorUserId, email: actor?.email ?? null, kind: context.actorUserId ? 'user' : 'system' },
      subject: { userId: subjectUserId, email: subject.email },
      context,
      details: {
        by: byAdmin ? 'admin' : 'self',
        cause: options.cause ?? (byAdmin ? 'admin_force_disconnect' : context.actorUserId ? 'self_disconnect' : 'system'),
        zoomUserId: wiped.zoomUserId,
        zoomEmail: wiped.zoomEmail,
        previousState: wiped.previousState,
        revokeAtZoom: wiped.tokens && deps.oauth ? 'requested' : 'skipped',
        meetingsMoved: moved.queued - moved.stillPending,
        meetingsQueuedToMove: moved.stillPending,
      },
    });
    return wiped;
  });
  if (cleared?.tokens && deps.oauth) {
    try {
      const opened = deps.secrets.openZoomTokens(subjectUserId, cleared.tokens);
      if (!opened) throw new Error('the stored tokens could not be decrypted with any key in TOKEN_ENCRYPTION_KEYS');
      await deps.oauth.revoke(opened.accessToken);
    } catch (error) {
      // Best effort: the user asked to be disconnected, and a Zoom outage must not keep their tokens here.
      deps.logger.warn({ userId: subjectUserId, err: error }, 'Zoom revoke failed; disconnected anyway (the grant ends when the user removes the app in Zoom)');
    }
  }
  const after = await deps.users.findById(subjectUserId);
  return presentZoomStatus(after ?? subject);
}

/**
 * Queues the move of every upcoming meeting on the user's own account; with `now`, carries each out at
 * once (one at a time, so Zoom's per-second limits are not hit in a burst). Those Zoom could not take
 * now stay queued for the worker.
 */
async function moveUpcomingMeetings(deps: ZoomConnectionDeps, userId: string, options: { now: boolean }): Promise<{ queued: number; stillPending: number }> {
  const queued = await deps.interviews.interviews.markForRehost([{ interviewerId: userId, reason: 'interviewer_disconnected' }], deps.clock.now());
  if (!options.now) return { queued: queued.length, stillPending: queued.length };
  let stillPending = 0;
  for (const id of queued) {
    const synced = await syncNow(deps.interviews, id);
    if (!synced || synced.meeting.status !== 'scheduled') stillPending += 1;
  }
  return { queued: queued.length, stillPending };
}
