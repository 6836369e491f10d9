import { AppError } from '../../errors/app-error';
import type { UserRecord, UserRepository } from '../ports/user-repository';

/** A session for a user that no longer exists is as good as no session. */
export async function getSignedInUser(users: UserRepository, userId: string): Promise<UserRecord> {
  const user = await users.findById(userId);
  if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' });
  return user;
}
