import type { SetPasswordRequest } from '@crm/shared/users';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { RequestContext } from '../ports/request-context';
import type { InviteDeps } from './invite-user';

/** The link's one use: sets the password and bumps the session version, which voids the link. */
export async function setPasswordFromInvite(deps: InviteDeps, input: SetPasswordRequest, context: RequestContext): Promise<void> {
  const invalid = () => new AppError({ code: 'invalid_credentials', status: 400, message: 'This link has expired or was already used; ask an admin for a new one' });
  const claim = deps.invites.verify(input.token, deps.clock.now());
  if (!claim) throw invalid();
  const user = await deps.users.findById(claim.userId);
  if (!user || !user.active || user.sessionVersion !== claim.sessionVersion) throw invalid();
  const changed = await deps.users.changeAccount(user.id, { passwordHash: await deps.passwords.hash(input.password) });
  if (!changed) throw invalid();
  await recordAuditEvent(deps.audit, {
    type: 'user.password_changed',
    actor: { userId: user.id, email: user.email, kind: 'user' },
    subject: { userId: user.id, email: user.email },
    context,
    details: { method: 'invite' },
    at: deps.clock.now(),
  });
}
