import type { ZoomConnectionState } from '@crm/shared/zoom-connection';

/** Token fields exactly as stored: encrypted envelopes (see TokenCipher), never plaintext. */
export interface EncryptedZoomTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

/** A user's connection as the refresh logic sees it, tokens still encrypted. */
export interface StoredZoomConnection {
  userId: string;
  state: ZoomConnectionState;
  zoomUserId: string | null;
  zoomEmail: string | null;
  /** Null when there are no tokens (never connected, disconnected, or needs_reconnect). */
  tokens: EncryptedZoomTokens | null;
  /** Bumped by every write that replaces or wipes tokens; the compare-and-swap guard. */
  tokenVersion: number;
  refreshLease: { owner: string; expiresAt: Date } | null;
  lastRefreshAt: Date | null;
  /**
   * True while the current tokens' refresh is contested: a lease holder lapsed (it never released) and
   * another took over, so the lapsed one may still be holding Zoom's answer for the same refresh token.
   * An `invalid_grant` then proves nothing, and the connection is not marked broken (see markNeedsReconnect).
   */
  refreshContested: boolean;
}

/** Guards of a needs_reconnect mark coming from a refresh attempt. */
export interface RefreshFence {
  /** The lease owner that made the attempt: a holder that lost its lease never marks the connection broken. */
  leaseOwner: string;
}

export interface NewZoomConnection {
  zoomUserId: string;
  zoomEmail: string;
  zoomAccountId: string | null;
  scopes: string[];
  tokens: EncryptedZoomTokens;
  connectedAt: Date;
}

/** Identifies one connection of a user: the Zoom user and when it was made (a reconnect changes it). */
export interface ExpectedConnection {
  zoomUserId: string;
  connectedAt: Date | null;
}

/** What a wipe removed, for the audit trail. */
export interface ClearedZoomConnection {
  previousState: ZoomConnectionState;
  zoomUserId: string | null;
  zoomEmail: string | null;
  /** The access token that was stored, so it can be revoked at Zoom; null when none was. */
  tokens: EncryptedZoomTokens | null;
}

export type SaveConnectionResult = { ok: true } | { ok: false; reason: 'zoom_account_in_use' | 'user_not_found' };

/** Persistence of the Zoom connection fields of a user. Every method is atomic in the store. */
export interface ZoomConnectionRepository {
  /** Stores a fresh connection, clearing any problem; refuses a Zoom user already held by another CRM user. */
  saveConnection(userId: string, connection: NewZoomConnection): Promise<SaveConnectionResult>;
  getConnection(userId: string): Promise<StoredZoomConnection | null>;
  /**
   * True when `owner` now holds the lease (it was free, expired, or already theirs), judged by the store's
   * clock (the database server's), never the caller's. A lease with no expiry counts as free. Taking over a
   * lease that lapsed while held makes the current tokens' refresh contested (see `refreshContested`) until
   * the tokens change or one more lease period has passed.
   */
  acquireRefreshLease(userId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees the lease only if `owner` still holds it. */
  releaseRefreshLease(userId: string, owner: string): Promise<void>;
  /** Stores refreshed tokens only if tokenVersion is still `expectedVersion`; also frees the lease. */
  replaceTokens(userId: string, expectedVersion: number, tokens: EncryptedZoomTokens, scopes: string[], refreshedAt: Date): Promise<boolean>;
  /** Swaps the envelopes for re-encrypted ones of the same tokens; does not bump tokenVersion. */
  rewrapTokens(userId: string, expectedVersion: number, tokens: EncryptedZoomTokens): Promise<boolean>;
  /**
   * Wipes tokens and sets needs_reconnect, unless the tokens changed since `expectedVersion` was read.
   * With a `fence` (a refresh attempt's `invalid_grant`), also unless that owner no longer holds the
   * lease or the refresh is contested: a lost or ambiguous attempt never marks the connection broken.
   */
  markNeedsReconnect(userId: string, reason: string, expectedVersion?: number, fence?: RefreshFence): Promise<boolean>;
  /**
   * Wipes tokens and Zoom ids; the state becomes not_connected with `reason` as last problem. Null when the
   * user is unknown, or when `only` is given and the stored connection is no longer that one (a reconnect
   * since it was read is never wiped).
   */
  clearConnection(userId: string, reason: string | null, only?: ExpectedConnection): Promise<ClearedZoomConnection | null>;
  findUserIdByZoomUserId(zoomUserId: string): Promise<string | null>;
  /** Connected users whose tokens were last refreshed (or obtained) before `idleSince`. */
  listIdleConnections(idleSince: Date, limit: number): Promise<string[]>;
  /** Every user that has stored tokens, for re-encryption. */
  listUserIdsWithTokens(): Promise<string[]>;
}
