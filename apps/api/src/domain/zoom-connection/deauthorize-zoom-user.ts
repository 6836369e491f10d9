import { recordAuditEvent, ZOOM_ACTOR } from '../audit/record-audit-event';
import type { RequestContext } from '../ports/request-context';
import { CONNECTION_PROBLEMS, type ZoomConnectionDeps } from './zoom-connection-deps';

/**
 * Zoom's `app_deauthorized`: the user removed the app in Zoom, and Zoom requires their data be deleted.
 * A replay finds no user holding that Zoom id any more and does nothing; a late delivery or replay of an
 * event older than the user's current connection (they reconnected since) is stale and ignored. The wipe
 * is conditional on the connection read here, so a reconnect landing in between is never wiped.
 */
export async function deauthorizeZoomUser(
  deps: Pick<ZoomConnectionDeps, 'connections' | 'users' | 'audit' | 'logger' | 'atomically'>,
  event: { zoomUserId: string; zoomAccountId: string | null; deauthorizedAt: string | null },
  context: RequestContext,
): Promise<'deauthorized' | 'unknown_user' | 'stale'> {
  const userId = await deps.connections.findUserIdByZoomUserId(event.zoomUserId);
  if (!userId) return 'unknown_user';
  const deauthorizedAt = event.deauthorizedAt ? Date.parse(event.deauthorizedAt) : Number.NaN;
  const user = await deps.users.findById(userId);
  if (!user) return 'unknown_user';
  const connectedAt = user.zoomConnectedAt?.getTime();
  if (!Number.isNaN(deauthorizedAt) && connectedAt !== undefined && deauthorizedAt < connectedAt) {
    deps.logger.info({ userId, zoomUserId: event.zoomUserId }, 'ignored an app_deauthorized event older than the current Zoom connection');
    return 'stale';
  }
  const cleared = await deps.atomically(async () => {
    const wiped = await deps.connections.clearConnection(userId, CONNECTION_PROBLEMS.removedInZoom, { zoomUserId: event.zoomUserId, connectedAt: user.zoomConnectedAt });
    if (!wiped) return null;
    await recordAuditEvent(deps.audit, {
      type: 'zoom.deauthorized',
      actor: ZOOM_ACTOR,
      subject: { userId, email: user.email },
      context,
      details: { cause: 'app_deauthorized', zoomEvent: 'app_deauthorized', zoomUserId: event.zoomUserId, zoomAccountId: event.zoomAccountId, zoomEmail: wiped.zoomEmail, deauthorizedAt: event.deauthorizedAt },
    });
    return wiped;
  });
  if (!cleared) {
    deps.logger.info({ userId, zoomUserId: event.zoomUserId }, 'ignored an app_deauthorized event: the connection changed while it was handled');
    return 'stale';
  }
  deps.logger.info({ userId, zoomUserId: event.zoomUserId }, 'Zoom app deauthorized by the user in Zoom; connection wiped');
  return 'deauthorized';
}
