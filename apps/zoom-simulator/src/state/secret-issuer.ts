import { randomBytes } from 'node:crypto';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Mints every credential the simulator hands out and remembers them, so tests can scan stored
 * documents and logs for leaks. The history survives reset(): a secret issued once must never leak.
 */
export class SecretIssuer {
  private readonly issued: string[] = [];

  authorizationCode(): string {
    return this.remember(randomBytes(24).toString('base64url'));
  }

  /** JWT-shaped like Zoom's tokens (long, three dot-separated parts) so storage limits get exercised. */
  jwtLikeToken(claims: { clientId: string; zoomUserId: string; accountId: string; issuedAtMs: number; expiresAtMs: number }): string {
    const header = base64url({ alg: 'HS512', v: '2.0', kid: randomBytes(16).toString('hex') });
    const payload = base64url({
      ver: 9,
      auid: randomBytes(16).toString('hex'),
      code: randomBytes(16).toString('base64url'),
      iss: `zm:cid:${claims.clientId}`,
      gno: 0,
      type: 0,
      tid: 0,
      aud: 'https://oauth.zoom.us',
      uid: claims.zoomUserId,
      aid: claims.accountId,
      nbf: Math.floor(claims.issuedAtMs / 1000),
      iat: Math.floor(claims.issuedAtMs / 1000),
      exp: Math.floor(claims.expiresAtMs / 1000),
      jti: randomBytes(16).toString('hex'),
    });
    return this.remember(`${header}.${payload}.${randomBytes(64).toString('base64url')}`);
  }

  /** A recording download token (sent in recording events, opens the files for 24 hours). */
  downloadToken(): string {
    return this.remember(randomBytes(32).toString('base64url'));
  }

  all(): string[] {
    return [...this.issued];
  }

  private remember(secret: string): string {
    this.issued.push(secret);
    return secret;
  }
}
