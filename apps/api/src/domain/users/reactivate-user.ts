import type { RequestContext } from '../ports/request-context';
import type { UserRecord } from '../ports/user-repository';
import { changeAccountByAdmin, type AccountChangeDeps } from './change-account';

/** The user signs in again with their password; their Zoom account must be connected again by them. */
export async function reactivateUser(deps: AccountChangeDeps, subjectUserId: string, context: RequestContext): Promise<UserRecord> {
  return changeAccountByAdmin(deps, subjectUserId, { active: true }, { type: 'user.reactivated', details: (before) => ({ wasActive: before.active }) }, context);
}
