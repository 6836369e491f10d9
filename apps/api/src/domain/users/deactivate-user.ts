import type { RequestContext } from '../ports/request-context';
import type { UserRecord } from '../ports/user-repository';
import { disconnectZoomAccount } from '../zoom-connection/disconnect-zoom-account';
import type { ZoomConnectionDeps } from '../zoom-connection/zoom-connection-deps';
import { changeAccountByAdmin, type AccountChangeDeps } from './change-account';

/**
 * Deactivation ends the user's sessions and refuses their sign-in first, then disconnects their Zoom
 * account (revoked at Zoom), so nothing of theirs keeps acting on the organisation's behalf.
 */
export async function deactivateUser(
  deps: AccountChangeDeps & { zoomConnection: ZoomConnectionDeps },
  subjectUserId: string,
  context: RequestContext,
): Promise<UserRecord> {
  await changeAccountByAdmin(deps, subjectUserId, { active: false }, { type: 'user.deactivated', details: (before) => ({ wasActive: before.active }) }, context);
  await disconnectZoomAccount(deps.zoomConnection, subjectUserId, context, { cause: 'user_deactivated' });
  return (await deps.users.findById(subjectUserId))!;
}
