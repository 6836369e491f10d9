import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { AuditRepository } from '../ports/audit-repository';
import type { RequestContext } from '../ports/request-context';
import type { UserRecord, UserRepository } from '../ports/user-repository';

/** "Sign out everywhere": every session of the user, in every browser, ends on its next request. */
export async function endAllSessions(deps: { users: UserRepository; audit: AuditRepository }, userId: string, context: RequestContext): Promise<UserRecord> {
  const user = await deps.users.changeAccount(userId, {});
  if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' });
  await recordAuditEvent(deps.audit, {
    type: 'user.sessions_ended',
    actor: { userId, email: user.email, kind: 'user' },
    subject: { userId, email: user.email },
    context,
    details: { sessionVersion: user.sessionVersion },
  });
  return user;
}
