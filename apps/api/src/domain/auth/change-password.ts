import type { ChangePasswordRequest } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { AuditRepository } from '../ports/audit-repository';
import type { PasswordHasher } from '../ports/password-hasher';
import type { RequestContext } from '../ports/request-context';
import type { UserRecord, UserRepository } from '../ports/user-repository';

/**
 * Checks the current password, stores the new hash and ends every session in the same write; the caller
 * issues this browser a new session at the returned user's version.
 */
export async function changePassword(
  deps: { users: UserRepository; audit: AuditRepository; passwords: PasswordHasher },
  userId: string,
  input: ChangePasswordRequest,
  context: RequestContext,
): Promise<UserRecord> {
  const signedIn = await deps.users.findById(userId);
  const credentials = signedIn ? await deps.users.findCredentialsByEmail(signedIn.email) : null;
  if (!credentials || credentials.user.id !== userId) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' });
  if (!(await deps.passwords.verify(input.currentPassword, credentials.passwordHash))) {
    throw new AppError({ code: 'invalid_credentials', status: 401, message: 'The current password is incorrect' });
  }
  const user = await deps.users.changeAccount(userId, { passwordHash: await deps.passwords.hash(input.newPassword) });
  if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' });
  await recordAuditEvent(deps.audit, {
    type: 'user.password_changed',
    actor: { userId, email: user.email, kind: 'user' },
    subject: { userId, email: user.email },
    context,
  });
  return user;
}
