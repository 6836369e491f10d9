import { AppError } from '../../errors/app-error';
import type { IdentityProvider, SsoAttempt } from '../ports/identity-provider';
import { IdentityProviderFailure } from '../ports/identity-provider';

/** A sign-in attempt lasts as long as someone reasonably spends at the provider's login page. */
export const SSO_ATTEMPT_TTL_MS = 10 * 60_000;

export async function startSsoSignIn(provider: IdentityProvider | null): Promise<{ authorizeUrl: string; attempt: SsoAttempt }> {
  if (!provider) throw new AppError({ code: 'sso_not_configured', status: 404, message: 'Single sign-on is not configured' });
  try {
    return await provider.beginSignIn();
  } catch (error) {
    if (error instanceof IdentityProviderFailure) {
      throw new AppError({ code: 'sso_unavailable', status: 503, message: 'The identity provider cannot be reached; try again shortly', cause: error });
    }
    throw error;
  }
}
