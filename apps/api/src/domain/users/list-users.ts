import type { PublicUser } from '@crm/shared/auth';
import type { UserRepository } from '../ports/user-repository';
import { presentUser } from './present-user';

export async function listUsers(users: UserRepository): Promise<PublicUser[]> {
  return (await users.list()).map(presentUser);
}
