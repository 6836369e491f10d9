import type { LoginRequest } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { PasswordHasher } from '../ports/password-hasher';
import type { RequestContext } from '../ports/request-context';
import type { UserRecord, UserRepository } from '../ports/user-repository';
import { recordSignIn, recordSignInFailure } from './record-sign-in';

export interface LogInDeps {
  users: UserRepository;
  passwords: PasswordHasher;
  /** With an audit log, every sign-in and failed attempt is recorded (method: password). */
  audit?: AuditRepository;
  clock?: Clock;
  /** False when PASSWORD_LOGIN=false: only single sign-on signs in. */
  passwordLoginEnabled?: boolean;
}

/** Unknown email and wrong password fail identically, in the same time, so accounts cannot be enumerated. */
export async function logIn(deps: LogInDeps, input: LoginRequest, context?: RequestContext): Promise<UserRecord> {
  const { users, passwords } = deps;
  if (deps.passwordLoginEnabled === false) {
    throw new AppError({ code: 'password_login_disabled', status: 403, message: 'Password sign-in is turned off; use single sign-on' });
  }
  const audit = async (user: UserRecord | null, reason: string | null) => {
    if (!deps.audit || !context) return;
    const at = deps.clock?.now() ?? new Date();
    if (user && !reason) return recordSignIn(deps.audit, user, 'password', context, at);
    await recordSignInFailure(deps.audit, { email: input.email, userId: user?.id ?? null, method: 'password', reason: reason ?? 'invalid_credentials' }, context, at);
  };
  const credentials = await users.findCredentialsByEmail(input.email);
  const hash = credentials?.passwordHash ?? (await passwords.decoyHash());
  const valid = await passwords.verify(input.password, hash);
  if (!credentials || !valid) {
    // Not audited: anyone can send these (the rate limiter counts them and the log has them); an
    // anonymous flood must not grow the audit log. Attempts with the right password are audited below.
    throw new AppError({ code: 'invalid_credentials', status: 401, message: 'Email or password is incorrect' });
  }
  // Said only to someone who knows the password, so it reveals nothing an attacker could use.
  if (!credentials.user.active) {
    await audit(credentials.user, 'account_deactivated');
    throw new AppError({ code: 'account_deactivated', status: 403, message: 'This account has been deactivated; ask an admin' });
  }
  await audit(credentials.user, null);
  return credentials.user;
}
