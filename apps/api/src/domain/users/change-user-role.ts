import type { Role } from '@crm/shared/auth';
import type { RequestContext } from '../ports/request-context';
import type { UserRecord } from '../ports/user-repository';
import { changeAccountByAdmin, type AccountChangeDeps } from './change-account';

/** The user's sessions end, so the next request already runs with the new role (after signing in again). */
export async function changeUserRole(deps: AccountChangeDeps, subjectUserId: string, role: Role, context: RequestContext): Promise<UserRecord> {
  return changeAccountByAdmin(
    deps,
    subjectUserId,
    { role },
    { type: 'user.role_changed', details: (before, after) => ({ from: before.role, to: after.role }) },
    context,
  );
}
