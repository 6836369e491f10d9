import { SignJWT, decodeJwt, generateKeyPair, importJWK, type JWK } from 'jose';

/** Claims to set (a value) or remove (null) in the next ID token, e.g. `{ claims: { iss: 'https://elsewhere' } }`. */
export interface IdTokenRewrite {
  claims?: Record<string, unknown>;
  /** Sign with a key the provider never published (same `kid`): the client must check the JWKS signature. */
  foreignKey?: boolean;
}

/**
 * Test fixture: re-signs the next ID token with changed claims using the provider's own key, so the
 * signature is valid and only the claim under test is wrong.
 */
export class IdTokenRewriter {
  private pending: IdTokenRewrite | null = null;
  constructor(private readonly signingKey: JWK & { kid: string }) {}

  setPending(rewrite: IdTokenRewrite): void {
    this.pending = rewrite;
  }

  async applyPending(idToken: string): Promise<string> {
    const rewrite = this.pending;
    if (!rewrite) return idToken;
    this.pending = null;
    const claims: Record<string, unknown> = { ...decodeJwt(idToken) };
    for (const [name, value] of Object.entries(rewrite.claims ?? {})) {
      if (value === null) delete claims[name];
      else claims[name] = value;
    }
    const key = rewrite.foreignKey ? (await generateKeyPair('RS256')).privateKey : await importJWK(this.signingKey, 'RS256');
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: this.signingKey.kid }).sign(key);
  }
}
