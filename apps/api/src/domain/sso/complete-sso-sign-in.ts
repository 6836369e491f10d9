import { randomBytes } from 'node:crypto';
import type { SsoError } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import { recordSignIn, recordSignInFailure } from '../auth/record-sign-in';
import { IdentityProviderFailure, type SsoAttempt, type VerifiedIdentity } from '../ports/identity-provider';
import type { RequestContext } from '../ports/request-context';
import { DuplicateEmailError, type UserRecord } from '../ports/user-repository';
import { mapSsoRole } from './map-sso-role';
import type { SsoDeps } from './sso-deps';

const MESSAGES: Record<SsoError, string> = {
  sso_not_configured: 'Single sign-on is not configured',
  sso_failed: 'The sign-in could not be verified; start again',
  sso_cancelled: 'The sign-in was cancelled at the identity provider',
  sso_not_mapped: 'Your identity provider account is in no group allowed to use the CRM; ask an admin',
  sso_email_unverified: 'Your identity provider has not verified your email address',
  account_deactivated: 'This account has been deactivated; ask an admin',
  sso_unavailable: 'The identity provider cannot be reached; try again shortly',
};

function refusal(code: SsoError, cause?: unknown): AppError {
  const status = code === 'sso_unavailable' ? 503 : code === 'sso_not_configured' ? 404 : 403;
  return new AppError({ code, status, message: MESSAGES[code], cause });
}

async function provision(deps: SsoDeps, identity: VerifiedIdentity & { email: string }, role: NonNullable<ReturnType<typeof mapSsoRole>>, context: RequestContext): Promise<UserRecord> {
  try {
    // SSO-only: a random password nobody knows (an admin's invite or "set password" can give one later).
    const user = await deps.users.create({
      name: identity.name?.trim() || identity.email.split('@')[0]!,
      email: identity.email,
      role,
      passwordHash: await deps.passwords.hash(randomBytes(32).toString('base64url')),
    });
    await recordAuditEvent(deps.audit, {
      type: 'user.provisioned',
      actor: { userId: user.id, email: user.email, kind: 'user' },
      subject: { userId: user.id, email: user.email },
      context,
      details: { name: user.name, role, method: 'sso', groups: identity.groups.slice(0, 20), issuer: identity.issuer },
      at: deps.clock.now(),
    });
    return user;
  } catch (error) {
    // Two first sign-ins at once: the other one created the account.
    if (error instanceof DuplicateEmailError) {
      const existing = await deps.users.findByEmail(identity.email);
      if (existing) return existing;
    }
    throw error;
  }
}

/**
 * The provider's redirect back: validates it (openid-client: state, PKCE, nonce, issuer, audience, expiry,
 * JWKS signature), matches the user by verified email and provisions them on first sign-in with the
 * mapped role. Every refusal creates nothing and is audited with its reason.
 */
export async function completeSsoSignIn(
  deps: SsoDeps,
  input: { callbackUrl: URL; attempt: SsoAttempt | null },
  context: RequestContext,
): Promise<{ user: UserRecord; idToken: string }> {
  const fail = async (code: SsoError, detail: { email?: string | null; userId?: string | null; cause?: unknown; why?: string } = {}) => {
    await recordSignInFailure(deps.audit, { email: detail.email ?? null, userId: detail.userId ?? null, method: 'sso', reason: detail.why ?? code }, context, deps.clock.now());
    return refusal(code, detail.cause);
  };
  if (!deps.provider) throw refusal('sso_not_configured');
  // A callback no browser started: anyone can send one, so it is logged, not audited.
  if (!input.attempt) throw refusal('sso_failed');

  let identity: VerifiedIdentity;
  try {
    identity = await deps.provider.completeSignIn(input.callbackUrl, input.attempt);
  } catch (error) {
    if (!(error instanceof IdentityProviderFailure)) throw error;
    const code: SsoError = error.kind === 'cancelled' ? 'sso_cancelled' : error.kind === 'unavailable' ? 'sso_unavailable' : 'sso_failed';
    throw await fail(code, { cause: error, why: code === 'sso_failed' ? `rejected: ${error.message.slice(0, 200)}` : code });
  }

  if (!identity.email || !identity.emailVerified) throw await fail('sso_email_unverified', { email: identity.email });
  const email = identity.email;
  const role = mapSsoRole(identity.groups, deps.roles);
  if (!role) throw await fail('sso_not_mapped', { email, why: `sso_not_mapped (groups: ${identity.groups.slice(0, 10).join(', ') || 'none'})` });

  const existing = await deps.users.findByEmail(email);
  if (existing && !existing.active) throw await fail('account_deactivated', { email, userId: existing.id });
  const user = existing ?? (await provision(deps, { ...identity, email }, role, context));
  await recordSignIn(deps.audit, user, 'sso', context, deps.clock.now());
  return { user, idToken: identity.idToken };
}
