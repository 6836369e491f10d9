import type { AuditEventType } from '@crm/shared/zoom-connection';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { AuditRepository } from '../ports/audit-repository';
import type { RequestContext } from '../ports/request-context';
import type { AccountChanges, UserRecord, UserRepository } from '../ports/user-repository';

export interface AccountChangeDeps {
  users: UserRepository;
  audit: AuditRepository;
}

/**
 * The one way an admin changes someone's account: never their own (an admin cannot lock themselves or the
 * last admin out by mistake), always ending the user's sessions, always audited.
 */
export async function changeAccountByAdmin(
  deps: AccountChangeDeps,
  subjectUserId: string,
  changes: AccountChanges,
  audit: { type: AuditEventType; details: (before: UserRecord, after: UserRecord) => Record<string, unknown> },
  context: RequestContext,
): Promise<UserRecord> {
  if (context.actorUserId === subjectUserId) {
    throw new AppError({ code: 'cannot_change_own_account', status: 409, message: 'Ask another admin to change your own account' });
  }
  const before = await deps.users.findById(subjectUserId);
  if (!before) throw new AppError({ code: 'not_found', status: 404, message: 'No such user' });
  const after = await deps.users.changeAccount(subjectUserId, changes);
  if (!after) throw new AppError({ code: 'not_found', status: 404, message: 'No such user' });
  const actor = context.actorUserId ? await deps.users.findById(context.actorUserId) : null;
  await recordAuditEvent(deps.audit, {
    type: audit.type,
    actor: { userId: context.actorUserId, email: actor?.email ?? null, kind: context.actorUserId ? 'user' : 'system' },
    subject: { userId: after.id, email: after.email },
    context,
    details: audit.details(before, after),
  });
  return after;
}
