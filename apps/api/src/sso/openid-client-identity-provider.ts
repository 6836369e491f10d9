import * as oidc from 'openid-client';
import { IdentityProviderFailure, type IdentityProvider, type VerifiedIdentity } from '../domain/ports/identity-provider';

export interface OpenIdClientOptions {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  groupsClaim: string;
  timeoutMs: number;
}

function failureFrom(error: unknown): IdentityProviderFailure {
  if (error instanceof IdentityProviderFailure) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    return new IdentityProviderFailure(error.error === 'access_denied' ? 'cancelled' : 'rejected', `provider answered ${error.error}`, { cause: error });
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new IdentityProviderFailure(error.status >= 500 ? 'unavailable' : 'rejected', `token endpoint answered ${error.error}`, { cause: error });
  }
  // openid-client's own checks (state, nonce, iss, aud, exp, signature) throw ClientError with a code.
  if (error instanceof oidc.ClientError) {
    // oauth4webapi's own message names the claim or check that failed (e.g. unexpected JWT "nonce" claim value).
    const cause = error.cause as { message?: unknown } | undefined;
    const check = typeof cause?.message === 'string' && cause.message !== error.message ? ` (${cause.message})` : '';
    return new IdentityProviderFailure('rejected', `${error.code ?? 'invalid'}: ${error.message}${check}`, { cause: error });
  }
  return new IdentityProviderFailure('unavailable', `identity provider unreachable: ${(error as Error).message}`, { cause: error });
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * OpenID Connect through `openid-client` (a certified relying party): discovery, authorization code with
 * PKCE S256, state and nonce, and the ID token's issuer, audience, expiry and JWKS signature checked.
 */
export function openIdClientIdentityProvider(options: OpenIdClientOptions): IdentityProvider {
  let configuration: Promise<oidc.Configuration> | null = null;
  const configured = () => {
    configuration ??= oidc
      .discovery(new URL(options.issuerUrl), options.clientId, undefined, oidc.ClientSecretBasic(options.clientSecret), {
        timeout: Math.ceil(options.timeoutMs / 1000),
        // Signature checks on the token endpoint's ID token too (by default TLS alone vouches for it);
        // plain http only for a local issuer (demo, tests): production refuses it in env.ts.
        execute: options.issuerUrl.startsWith('http:') ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests] : [oidc.enableNonRepudiationChecks],
      })
      .catch((error: unknown) => {
        configuration = null; // the next sign-in tries discovery again
        throw failureFrom(error);
      });
    return configuration;
  };

  return {
    async beginSignIn() {
      const config = await configured();
      const attempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: options.scopes,
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { authorizeUrl: url.toString(), attempt };
    },

    async completeSignIn(callbackUrl, attempt): Promise<VerifiedIdentity> {
      const config = await configured();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims || !tokens.id_token) throw new IdentityProviderFailure('rejected', 'no ID token');
        return {
          issuer: claims.iss,
          subject: claims.sub,
          email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
          emailVerified: claims.email_verified === true,
          name: typeof claims.name === 'string' ? claims.name : null,
          groups: stringsOf(claims[options.groupsClaim]),
          idToken: tokens.id_token,
        };
      } catch (error) {
        throw failureFrom(error);
      }
    },

    async endSessionUrl({ idTokenHint, postLogoutRedirectUri }) {
      const config = await configured();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, { id_token_hint: idTokenHint, post_logout_redirect_uri: postLogoutRedirectUri }).toString();
    },
  };
}
