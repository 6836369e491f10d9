import type { LoginRequest } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';
import type { PasswordHasher } from '../ports/password-hasher';
import type { UserRecord, UserRepository } from '../ports/user-repository';

/** Unknown email and wrong password fail identically, in the same time, so accounts cannot be enumerated. */
export async function logIn(deps: { users: UserRepository; passwords: PasswordHasher }, input: LoginRequest): Promise<UserRecord> {
  const { users, passwords } = deps;
  const credentials = await users.findCredentialsByEmail(input.email);
  const hash = credentials?.passwordHash ?? (await passwords.decoyHash());
  const valid = await passwords.verify(input.password, hash);
  if (!credentials || !valid) {
    throw new AppError({ code: 'invalid_credentials', status: 401, message: 'Email or password is incorrect' });
  }
  // Said only to someone who knows the password, so it reveals nothing an attacker could use.
  if (!credentials.user.active) {
    throw new AppError({ code: 'account_deactivated', status: 403, message: 'This account has been deactivated; ask an admin' });
  }
  return credentials.user;
}
