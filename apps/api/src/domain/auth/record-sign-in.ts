import { recordAuditEvent } from '../audit/record-audit-event';
import type { AuditRepository } from '../ports/audit-repository';
import type { RequestContext } from '../ports/request-context';
import type { UserRecord } from '../ports/user-repository';

export type SignInMethod = 'password' | 'sso';

export async function recordSignIn(audit: AuditRepository, user: UserRecord, method: SignInMethod, context: RequestContext, at: Date): Promise<void> {
  await recordAuditEvent(audit, {
    type: 'auth.signed_in',
    actor: { userId: user.id, email: user.email, kind: 'user' },
    subject: { userId: user.id, email: user.email },
    context,
    details: { method, name: user.name },
    at,
  });
}

/** `email` is what was tried (it may match no account); `reason` is a code, never a password or token. */
export async function recordSignInFailure(
  audit: AuditRepository,
  input: { email: string | null; userId: string | null; method: SignInMethod; reason: string },
  context: RequestContext,
  at: Date,
): Promise<void> {
  await recordAuditEvent(audit, {
    type: 'auth.sign_in_failed',
    actor: { userId: null, email: input.email, kind: 'user' },
    subject: { userId: input.userId, email: input.email },
    context,
    details: { method: input.method, reason: input.reason },
    at,
  });
}
