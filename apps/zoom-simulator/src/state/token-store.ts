import { randomUUID } from 'node:crypto';
import type { SecretIssuer } from './secret-issuer';

const AUTHORIZATION_CODE_TTL_MS = 5 * 60 * 1000;
// Zoom documents refresh-token lifetime inconsistently (90 days vs 15 years); the shorter keeps products honest.
const REFRESH_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export type TokenKind = 'user' | 'account';

export interface TokenPrincipal {
  kind: TokenKind;
  grantId: string;
  clientId: string;
  /** The authorizing user, or the account owner for account-level tokens. */
  zoomUserId: string;
  accountId: string;
  scopes: string[];
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  scope: string;
  principal: TokenPrincipal;
}

export interface AuthorizationCodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  zoomUserId: string;
  accountId: string;
  /** What the user consented to: the app's scopes, or the subset the authorize request named. */
  scope: string;
  expiresAt: number;
  used: boolean;
}

interface Grant extends Omit<TokenPrincipal, 'scopes'> {
  scope: string;
  refreshToken?: string;
  refreshTokenExpiresAt?: number;
  revoked: boolean;
}

interface AccessTokenRecord {
  grantId: string;
  expiresAt: number;
}

export class TokenStore {
  private codes = new Map<string, AuthorizationCodeGrant>();
  private grants = new Map<string, Grant>();
  private accessTokens = new Map<string, AccessTokenRecord>();
  private refreshTokens = new Map<string, string>();

  constructor(
    private readonly secrets: SecretIssuer,
    private readonly now: () => number,
    private readonly accessTokenTtlSeconds: () => number,
    private readonly singleAccessTokenPerUser: () => boolean = () => false,
  ) {}

  issueAuthorizationCode(input: Omit<AuthorizationCodeGrant, 'expiresAt' | 'used'>): string {
    const code = this.secrets.authorizationCode();
    this.codes.set(code, { ...input, expiresAt: this.now() + AUTHORIZATION_CODE_TTL_MS, used: false });
    return code;
  }

  /** Returns the code's grant as it was before this call and burns it: a code works once, even if this attempt fails. */
  takeAuthorizationCode(code: string): AuthorizationCodeGrant | undefined {
    const grant = this.codes.get(code);
    if (!grant) return undefined;
    const before = { ...grant };
    grant.used = true;
    return before;
  }

  isExpired(grant: AuthorizationCodeGrant): boolean {
    return this.now() >= grant.expiresAt;
  }

  createUserGrant(input: { clientId: string; zoomUserId: string; accountId: string; scope: string }): IssuedTokens {
    const grant: Grant = { ...input, kind: 'user', grantId: randomUUID(), revoked: false };
    this.grants.set(grant.grantId, grant);
    this.rotateRefreshToken(grant);
    return this.issueAccessToken(grant);
  }

  createAccountToken(input: { clientId: string; ownerId: string; accountId: string; scope: string }): IssuedTokens {
    // Each account_credentials call is its own grant: several S2S tokens may be valid at once.
    const grant: Grant = {
      kind: 'account',
      grantId: randomUUID(),
      clientId: input.clientId,
      zoomUserId: input.ownerId,
      accountId: input.accountId,
      scope: input.scope,
      revoked: false,
    };
    this.grants.set(grant.grantId, grant);
    return this.issueAccessToken(grant);
  }

  /** Rotates synchronously, so of two concurrent refreshes with one token exactly one finds it. */
  refresh(refreshToken: string, clientId: string): IssuedTokens | undefined {
    const grant = this.liveGrantForRefreshToken(refreshToken);
    if (!grant || grant.clientId !== clientId) return undefined;
    this.rotateRefreshToken(grant);
    return this.issueAccessToken(grant);
  }

  authenticate(accessToken: string): TokenPrincipal | undefined {
    const record = this.accessTokens.get(accessToken);
    if (!record || this.now() >= record.expiresAt) return undefined;
    const grant = this.grants.get(record.grantId);
    if (!grant || grant.revoked) return undefined;
    return principalOf(grant);
  }

  /** Kills the whole grant (access and refresh) that the token belongs to; returns whose it was. */
  revokeByToken(token: string, clientId: string): TokenPrincipal | undefined {
    const grantId = this.accessTokens.get(token)?.grantId ?? this.refreshTokens.get(token);
    const grant = grantId === undefined ? undefined : this.grants.get(grantId);
    if (!grant || grant.revoked || grant.clientId !== clientId) return undefined;
    this.revokeGrant(grant);
    return principalOf(grant);
  }

  revokeUserGrants(zoomUserId: string, clientId: string): number {
    let revoked = 0;
    for (const grant of this.grants.values()) {
      if (grant.kind === 'user' && grant.zoomUserId === zoomUserId && grant.clientId === clientId && !grant.revoked) {
        this.revokeGrant(grant);
        revoked += 1;
      }
    }
    return revoked;
  }

  expireAccessTokens(zoomUserId?: string): void {
    const now = this.now();
    for (const record of this.accessTokens.values()) {
      const grant = this.grants.get(record.grantId);
      // Naming a user targets their user-app tokens only; account tokens carry the owner's id but are not theirs.
      const matches = zoomUserId === undefined || (grant?.kind === 'user' && grant.zoomUserId === zoomUserId);
      if (matches) record.expiresAt = Math.min(record.expiresAt, now);
    }
  }

  /** As if another client refreshed first: the refresh token the product holds is now dead. */
  rotateRefreshTokenElsewhere(zoomUserId: string): boolean {
    let rotated = false;
    for (const grant of this.grants.values()) {
      if (grant.kind === 'user' && grant.zoomUserId === zoomUserId && !grant.revoked) {
        this.rotateRefreshToken(grant);
        rotated = true;
      }
    }
    return rotated;
  }

  reset(): void {
    this.codes.clear();
    this.grants.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  private liveGrantForRefreshToken(refreshToken: string): Grant | undefined {
    const grantId = this.refreshTokens.get(refreshToken);
    const grant = grantId === undefined ? undefined : this.grants.get(grantId);
    if (!grant || grant.revoked || grant.refreshToken !== refreshToken) return undefined;
    if (grant.refreshTokenExpiresAt !== undefined && this.now() >= grant.refreshTokenExpiresAt) return undefined;
    return grant;
  }

  private rotateRefreshToken(grant: Grant): void {
    // No grace period: the previous refresh token stops working the moment a new one exists.
    if (grant.refreshToken !== undefined) this.refreshTokens.delete(grant.refreshToken);
    const now = this.now();
    grant.refreshTokenExpiresAt = now + REFRESH_TOKEN_TTL_MS;
    grant.refreshToken = this.secrets.jwtLikeToken({
      clientId: grant.clientId,
      zoomUserId: grant.zoomUserId,
      accountId: grant.accountId,
      issuedAtMs: now,
      expiresAtMs: grant.refreshTokenExpiresAt,
    });
    this.refreshTokens.set(grant.refreshToken, grant.grantId);
  }

  private issueAccessToken(grant: Grant): IssuedTokens {
    const now = this.now();
    if (grant.kind === 'user' && this.singleAccessTokenPerUser()) this.expireEarlierAccessTokens(grant, now);
    const expiresIn = this.accessTokenTtlSeconds();
    const expiresAt = now + expiresIn * 1000;
    const accessToken = this.secrets.jwtLikeToken({
      clientId: grant.clientId,
      zoomUserId: grant.zoomUserId,
      accountId: grant.accountId,
      issuedAtMs: now,
      expiresAtMs: expiresAt,
    });
    this.accessTokens.set(accessToken, { grantId: grant.grantId, expiresAt });
    return {
      accessToken,
      ...(grant.refreshToken === undefined ? {} : { refreshToken: grant.refreshToken }),
      expiresIn,
      scope: grant.scope,
      principal: principalOf(grant),
    };
  }

  /** Forum reports: Zoom keeps one valid access token per user and app, so a new one ends the old. */
  private expireEarlierAccessTokens(grant: Grant, now: number): void {
    for (const record of this.accessTokens.values()) {
      const owner = this.grants.get(record.grantId);
      if (owner?.kind === 'user' && owner.zoomUserId === grant.zoomUserId && owner.clientId === grant.clientId) {
        record.expiresAt = Math.min(record.expiresAt, now);
      }
    }
  }

  private revokeGrant(grant: Grant): void {
    grant.revoked = true;
    if (grant.refreshToken !== undefined) this.refreshTokens.delete(grant.refreshToken);
  }
}

function principalOf(grant: Grant): TokenPrincipal {
  return {
    kind: grant.kind,
    grantId: grant.grantId,
    clientId: grant.clientId,
    zoomUserId: grant.zoomUserId,
    accountId: grant.accountId,
    scopes: grant.scope.split(' ').filter(Boolean),
  };
}
