import type { LoginRequest } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';
import { decoyPasswordHash, verifyPassword } from '../../security/password-hashing';
import type { UserRecord, UserRepository } from '../ports/user-repository';

/** Unknown email and wrong password fail identically, in the same time, so accounts cannot be enumerated. */
export async function logIn(users: UserRepository, input: LoginRequest): Promise<UserRecord> {
  const credentials = await users.findCredentialsByEmail(input.email);
  const hash = credentials?.passwordHash ?? (await decoyPasswordHash());
  const valid = await verifyPassword(input.password, hash);
  if (!credentials || !valid) {
    throw new AppError({ code: 'invalid_credentials', status: 401, message: 'Email or password is incorrect' });
  }
  return credentials.user;
}
