import type { Env } from '../config/env';
import type { Clock } from '../domain/ports/clock';
import type { Store } from '../domain/ports/store';
import type { SsoDeps } from '../domain/sso/sso-deps';
import { scryptPasswordHasher } from '../security/password-hashing';
import { openIdClientIdentityProvider } from '../sso/openid-client-identity-provider';

/** OIDC sign-in: the provider client when OIDC_* is configured (discovery happens on first use), else none. */
export function createSsoServices(env: Env, store: Store, clock: Clock): SsoDeps {
  const configured = env.OIDC_ISSUER_URL && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET && env.OIDC_REDIRECT_URI;
  return {
    provider: configured
      ? openIdClientIdentityProvider({
          issuerUrl: env.OIDC_ISSUER_URL!,
          clientId: env.OIDC_CLIENT_ID!,
          clientSecret: env.OIDC_CLIENT_SECRET!,
          redirectUri: env.OIDC_REDIRECT_URI!,
          scopes: env.OIDC_SCOPES,
          groupsClaim: env.OIDC_GROUPS_CLAIM,
          timeoutMs: 10_000,
        })
      : null,
    users: store.users,
    audit: store.audit,
    passwords: scryptPasswordHasher,
    roles: { mapping: env.OIDC_ROLE_MAPPING, defaultRole: env.OIDC_DEFAULT_ROLE === 'none' ? null : env.OIDC_DEFAULT_ROLE },
    clock,
  };
}
