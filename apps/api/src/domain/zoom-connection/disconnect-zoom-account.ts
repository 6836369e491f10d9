import type { ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { RequestContext } from '../ports/request-context';
import { presentZoomStatus } from './present-zoom-status';
import { CONNECTION_PROBLEMS, type ZoomConnectionDeps } from './zoom-connection-deps';

/**
 * Disconnects `subjectUserId` (the caller, or a user an admin picked): revokes at Zoom on a best-effort
 * basis, then wipes tokens and Zoom ids. Idempotent: disconnecting a disconnected user just answers.
 */
export async function disconnectZoomAccount(
  deps: ZoomConnectionDeps,
  subjectUserId: string,
  context: RequestContext,
): Promise<ZoomStatusResponse> {
  const subject = await deps.users.findById(subjectUserId);
  if (!subject) throw new AppError({ code: 'not_found', status: 404, message: 'No such user' });
  const byAdmin = context.actorUserId !== null && context.actorUserId !== subjectUserId;

  const stored = await deps.connections.getConnection(subjectUserId);
  let revoked: 'revoked' | 'failed' | 'skipped' = 'skipped';
  if (stored?.tokens && deps.oauth) {
    try {
      const opened = deps.secrets.openZoomTokens(subjectUserId, stored.tokens);
      if (!opened) throw new Error('the stored tokens could not be decrypted with any key in TOKEN_ENCRYPTION_KEYS');
      await deps.oauth.revoke(opened.accessToken);
      revoked = 'revoked';
    } catch (error) {
      // Best effort: the user asked to be disconnected, and a Zoom outage must not keep their tokens here.
      revoked = 'failed';
      deps.logger.warn({ userId: subjectUserId, err: error }, 'Zoom revoke failed; disconnecting anyway');
    }
  }

  // The wipe and its audit event are stored together or not at all.
  await deps.atomically(async () => {
    const cleared = await deps.connections.clearConnection(subjectUserId, byAdmin ? CONNECTION_PROBLEMS.disconnectedByAdmin : null);
    if (!cleared || (cleared.previousState === 'not_connected' && !cleared.tokens)) return;
    const actor = context.actorUserId ? await deps.users.findById(context.actorUserId) : null;
    await recordAuditEvent(deps.audit, {
      type: 'zoom.disconnected',
      actor: { userId: context.actorUserId, email: actor?.email ?? null, kind: context.actorUserId ? 'user' : 'system' },
      subject: { userId: subjectUserId, email: subject.email },
      context,
      details: { by: byAdmin ? 'admin' : 'self', zoomUserId: cleared.zoomUserId, zoomEmail: cleared.zoomEmail, previousState: cleared.previousState, revokeAtZoom: revoked },
    });
  });
  const after = await deps.users.findById(subjectUserId);
  return presentZoomStatus(after ?? subject);
}
