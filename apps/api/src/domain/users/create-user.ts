import type { CreateUserRequest } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';
import type { AuditRepository } from '../ports/audit-repository';
import { DuplicateEmailError, type UserRecord, type UserRepository } from '../ports/user-repository';
import type { PasswordHasher } from '../ports/password-hasher';
import type { RequestContext } from '../ports/request-context';

export async function createUser(
  deps: { users: UserRepository; audit: AuditRepository; passwords: Pick<PasswordHasher, 'hash'> },
  input: CreateUserRequest,
  context: RequestContext,
): Promise<UserRecord> {
  try {
    const user = await deps.users.create({ name: input.name, email: input.email, role: input.role, passwordHash: await deps.passwords.hash(input.password) });
    await deps.audit.append({
      type: 'user.created',
      at: new Date(),
      actor: { userId: context.actorUserId, email: null, kind: context.actorUserId ? 'user' : 'system' },
      subject: { userId: user.id, email: user.email },
      requestId: context.requestId,
      ip: context.ip,
      details: { role: user.role },
    });
    return user;
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      throw new AppError({ code: 'email_taken', status: 409, message: 'A user with this email already exists', cause: error });
    }
    throw error;
  }
}
