import type { PublicUser } from '@crm/shared/auth';
import type { UserRecord } from '../ports/user-repository';

export function presentUser(user: UserRecord): PublicUser {
  return { id: user.id, name: user.name, email: user.email, role: user.role, active: user.active, createdAt: user.createdAt.toISOString() };
}
