/** What a sign-in attempt must remember between the redirect out and the callback (kept in the browser, signed). */
export interface SsoAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The ID token's identity, after its issuer, audience, expiry, nonce and JWKS signature checked out. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** The configured groups/roles claim, as strings (absent: empty). */
  groups: string[];
  /** Kept only as the `id_token_hint` of RP-initiated logout. */
  idToken: string;
}

export type IdentityProviderFailureKind =
  /** The user cancelled or the provider refused at its end (`?error=access_denied`). */
  | 'cancelled'
  /** Anything that fails validation: state, code, nonce, issuer, audience, expiry, signature. */
  | 'rejected'
  /** The provider could not be reached or answered 5xx. */
  | 'unavailable';

export class IdentityProviderFailure extends Error {
  constructor(
    readonly kind: IdentityProviderFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IdentityProviderFailure';
  }
}

/** An OpenID Connect provider (Okta, Entra ID, Google, the demo provider); implemented in src/sso. */
export interface IdentityProvider {
  beginSignIn(): Promise<{ authorizeUrl: string; attempt: SsoAttempt }>;
  /** `callbackUrl` is the full redirect URI with the provider's query; throws IdentityProviderFailure. */
  completeSignIn(callbackUrl: URL, attempt: SsoAttempt): Promise<VerifiedIdentity>;
  /** The provider's end-session URL, or null when it offers none. */
  endSessionUrl(input: { idTokenHint: string; postLogoutRedirectUri: string }): Promise<string | null>;
}
