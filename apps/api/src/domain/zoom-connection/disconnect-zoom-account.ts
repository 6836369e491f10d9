import type { ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { AppError } from '../../errors/app-error';
import type { RequestContext } from '../../http/request-context';
import { ZoomSecret } from '../../zoom/zoom-secret';
import { recordAuditEvent } from '../audit/record-audit-event';
import { presentZoomStatus } from './present-zoom-status';
import { CONNECTION_PROBLEMS, TOKEN_FIELDS, type ZoomConnectionDeps } from './zoom-connection-deps';

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
      const accessToken = deps.cipher.decrypt(stored.tokens.accessToken, { subjectId: subjectUserId, field: TOKEN_FIELDS.access });
      await deps.oauth.revoke(new ZoomSecret(accessToken));
      revoked = 'revoked';
    } catch (error) {
      // Best effort: the user asked to be disconnected, and a Zoom outage must not keep their tokens here.
      revoked = 'failed';
      deps.logger.warn({ userId: subjectUserId, err: error }, 'Zoom revoke failed; disconnecting anyway');
    }
  }

  const cleared = await deps.connections.clearConnection(subjectUserId, byAdmin ? CONNECTION_PROBLEMS.disconnectedByAdmin : null);
  if (cleared && (cleared.previousState !== 'not_connected' || cleared.tokens)) {
    const actor = context.actorUserId ? await deps.users.findById(context.actorUserId) : null;
    await recordAuditEvent(deps.audit, {
      type: 'zoom.disconnected',
      actor: { userId: context.actorUserId, email: actor?.email ?? null, kind: context.actorUserId ? 'user' : 'system' },
      subject: { userId: subjectUserId, email: subject.email },
      context,
      details: { by: byAdmin ? 'admin' : 'self', zoomUserId: cleared.zoomUserId, zoomEmail: cleared.zoomEmail, previousState: cleared.previousState, revokeAtZoom: revoked },
    });
  }
  const after = await deps.users.findById(subjectUserId);
  return presentZoomStatus(after ?? subject);
}
