import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { recordAuditEvent, SYSTEM_ACTOR } from '../audit/record-audit-event';
import type { AccessTokenResult, AccessTokenSource, UserAccessTokens } from '../ports/access-token-source';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { Secret } from '../ports/secret';
import type { SecretVault } from '../ports/secret-vault';
import type { Store } from '../ports/store';
import type { UserRepository } from '../ports/user-repository';
import type { ZoomOAuthGateway } from '../ports/zoom-gateway';
import { isZoomFailure } from '../ports/zoom-failure';
import type { StoredZoomConnection, ZoomConnectionRepository } from '../ports/zoom-connection-repository';
import { CONNECTION_PROBLEMS } from './zoom-connection-deps';

export interface RefreshingUserAccessTokensOptions {
  connections: ZoomConnectionRepository;
  users: UserRepository;
  audit: AuditRepository;
  secrets: Pick<SecretVault, 'sealZoomTokens' | 'openZoomTokens'>;
  oauth: ZoomOAuthGateway | null;
  logger: Logger;
  clock: Clock;
  /** Refresh when less than this is left on the access token. */
  refreshAheadMs?: number;
  /** How long one process may hold a user's refresh lease; must outlast one token call. */
  leaseTtlMs: number;
  pollIntervalMs?: number;
  /** needs_reconnect and its audit event are stored together (Store.atomically). */
  atomically: Store['atomically'];
}

type Failure = Extract<AccessTokenResult, { ok: false }>;

/**
 * Every interviewer's Zoom access tokens (the UserAccessTokens port), refreshed so a connection is never lost:
 * - one refresh per user in this process (a map of in-flight promises), and across processes (a lease
 *   in the store, re-read after acquiring; others wait for the new tokens to appear);
 * - the rotated refresh token is stored (compare-and-swap on tokenVersion) before the access token is used;
 * - `invalid_grant` marks the connection needs_reconnect with a reason and an audit event, fenced: only
 *   by the attempt still holding the lease, for the tokens Zoom refused, and not while a lapsed holder may
 *   still land rotated tokens for that same refresh token (the store's `refreshContested`).
 */
export class RefreshingUserAccessTokens implements UserAccessTokens {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly inFlight = new Map<string, Promise<AccessTokenResult>>();
  private readonly refreshAheadMs: number;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: RefreshingUserAccessTokensOptions) {
    this.refreshAheadMs = options.refreshAheadMs ?? 5 * 60 * 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  forUser(userId: string, readAlready?: StoredZoomConnection | null): AccessTokenSource {
    let preRead = readAlready;
    return {
      getAccessToken: (options) => {
        // Used once, for a plain first token: a forced refresh or a 401 reads what is stored now.
        const known = options?.forceRefresh || options?.rejected ? undefined : preRead;
        preRead = undefined;
        return this.getAccessToken(userId, options, known);
      },
      markRejected: (rejected, problem) => this.markRejected(userId, problem, rejected),
    };
  }

  private async getAccessToken(userId: string, options: { forceRefresh?: boolean; rejected?: Secret } = {}, readAlready?: StoredZoomConnection | null): Promise<AccessTokenResult> {
    const connection = readAlready !== undefined && readAlready?.userId === userId ? readAlready : await this.options.connections.getConnection(userId);
    const unusable = unusableReason(connection);
    if (unusable) return unusable;
    if (options.rejected) {
      // A 401 that arrives after another request already refreshed must not refresh again.
      const stored = await this.usable(connection!);
      if (stored.ok && !stored.accessToken.equals(options.rejected)) return stored;
      return this.refreshOnce(userId, connection!.tokenVersion);
    }
    if (!options.forceRefresh && this.isFresh(connection!)) return this.usable(connection!);
    return this.refreshOnce(userId, connection!.tokenVersion);
  }

  private async markRejected(userId: string, reason: string, rejected: Secret): Promise<void> {
    const connection = await this.options.connections.getConnection(userId);
    if (unusableReason(connection)) return;
    const stored = await this.usable(connection!);
    // Refreshed or reconnected since that token was handed out: the newer tokens are not the ones Zoom refused.
    if (!stored.ok || !stored.accessToken.equals(rejected)) return;
    await this.options.atomically(async () => {
      if (await this.options.connections.markNeedsReconnect(userId, reason, connection!.tokenVersion)) {
        await this.auditRefreshFailed(userId, { cause: 'token_rejected', source: 'zoom_api', reason });
      }
    });
  }

  /** Keyed by the token version the caller saw, so a caller holding newer tokens never joins a stale refresh. */
  private refreshOnce(userId: string, seenVersion: number): Promise<AccessTokenResult> {
    const key = `${userId}:${seenVersion}`;
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const refreshing = this.refreshAcrossProcesses(userId, seenVersion).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, refreshing);
    return refreshing;
  }

  private async refreshAcrossProcesses(userId: string, seenVersion: number): Promise<AccessTokenResult> {
    const { connections, leaseTtlMs } = this.options;
    // One owner per attempt, so even two attempts in this process (for different versions) exclude each other.
    const owner = `${this.owner}:${randomUUID()}`;
    const deadline = Date.now() + 2 * leaseTtlMs + 1000;
    for (;;) {
      if (await connections.acquireRefreshLease(userId, owner, leaseTtlMs)) {
        try {
          return await this.refreshHoldingLease(userId, seenVersion, owner);
        } finally {
          await connections.releaseRefreshLease(userId, owner).catch(() => undefined);
        }
      }
      const outcome = await this.waitForOtherRefresh(userId, seenVersion, deadline);
      if (outcome) return outcome;
    }
  }

  /**
   * Another process holds the lease: poll until its tokens land, then use them; otherwise try the lease
   * again, so whether it lapsed is the store's call (its clock), never this process's.
   */
  private async waitForOtherRefresh(userId: string, seenVersion: number, deadline: number): Promise<AccessTokenResult | null> {
    if (Date.now() > deadline) return { ok: false, reason: 'zoom_unavailable' };
    await delay(this.pollIntervalMs);
    const connection = await this.options.connections.getConnection(userId);
    const unusable = unusableReason(connection);
    if (unusable) return unusable;
    if (connection!.tokenVersion !== seenVersion) return this.usable(connection!);
    return null;
  }

  private async refreshHoldingLease(userId: string, seenVersion: number, owner: string): Promise<AccessTokenResult> {
    const { connections, secrets, oauth, logger, clock } = this.options;
    // Re-read: the process that held the lease before us may already have stored new tokens.
    const connection = await connections.getConnection(userId);
    const unusable = unusableReason(connection);
    if (unusable) return unusable;
    const current = connection!;
    if (current.tokenVersion !== seenVersion) return this.usable(current);
    if (!oauth) return { ok: false, reason: 'refresh_failed' };

    const opened = secrets.openZoomTokens(userId, current.tokens!);
    if (!opened) return this.unreadable(current);

    let refreshed;
    try {
      refreshed = await oauth.refresh(opened.refreshToken);
    } catch (error) {
      if (!isZoomFailure(error)) throw error;
      if (error.kind === 'invalid_grant') return this.giveUp(current, owner, CONNECTION_PROBLEMS.refreshRejected, { cause: 'refresh_rejected', source: 'refresh', zoomError: 'invalid_grant' });
      logger.warn({ zoom: { operation: error.operation, kind: error.kind, status: error.status }, userId }, 'Zoom token refresh failed');
      return { ok: false, reason: error.kind === 'unavailable' ? 'zoom_unavailable' : 'refresh_failed' };
    }

    const refreshedAt = clock.now();
    const stored = await connections.replaceTokens(
      userId,
      current.tokenVersion,
      secrets.sealZoomTokens(userId, { ...refreshed, expiresAt: new Date(refreshedAt.getTime() + refreshed.expiresInSeconds * 1000) }),
      refreshed.scopes,
      refreshedAt,
    );
    if (!stored) {
      // Only a disconnect or reconnect can move the version while we hold the lease; their tokens win.
      logger.warn({ userId }, 'refreshed Zoom tokens were not stored: the connection changed meanwhile');
      const after = await connections.getConnection(userId);
      return unusableReason(after) ?? this.usable(after!);
    }
    return { ok: true, accessToken: refreshed.accessToken, zoomUserId: current.zoomUserId!, zoomEmail: current.zoomEmail };
  }

  /**
   * Fenced: the mark applies only while `owner` still holds the lease, the tokens are still the ones whose
   * refresh token Zoom refused, and no lapsed holder may be holding Zoom's answer for that same refresh
   * token (`refreshContested`). Otherwise the connection is left connected for the tokens that win.
   */
  private async giveUp(connection: StoredZoomConnection, owner: string, reason: string, details: Record<string, unknown>): Promise<AccessTokenResult> {
    const marked = await this.options.atomically(async () => {
      if (!(await this.options.connections.markNeedsReconnect(connection.userId, reason, connection.tokenVersion, { leaseOwner: owner }))) return false;
      await this.auditRefreshFailed(connection.userId, { ...details, reason });
      return true;
    });
    if (marked) {
      this.options.logger.warn({ userId: connection.userId, ...details }, 'Zoom connection needs reconnecting');
      return { ok: false, reason: 'needs_reconnect' };
    }
    const after = await this.options.connections.getConnection(connection.userId);
    const unusable = unusableReason(after);
    if (unusable) return unusable;
    // Someone stored newer tokens between our read and our mark: use theirs.
    if (after!.tokenVersion !== connection.tokenVersion) return this.usable(after!);
    // Lost the lease or the refresh is contested: the tokens that win have not landed yet.
    this.options.logger.warn({ userId: connection.userId, contested: after!.refreshContested }, 'Zoom refused a refresh another attempt may have used; connection left as is');
    return { ok: false, reason: 'refresh_failed' };
  }

  private async auditRefreshFailed(userId: string, details: Record<string, unknown>): Promise<void> {
    const user = await this.options.users.findById(userId);
    await recordAuditEvent(this.options.audit, {
      type: 'zoom.refresh_failed',
      actor: SYSTEM_ACTOR,
      subject: { userId, email: user?.email ?? null },
      details,
    });
  }

  /**
   * Refresh ahead of expiry, but never within more than half the token's lifetime: with tokens shorter
   * than the window, every fresh token would otherwise look stale and each call would refresh again.
   */
  private isFresh(connection: StoredZoomConnection): boolean {
    const expiresAt = connection.tokens!.expiresAt.getTime();
    const issuedAt = connection.lastRefreshAt?.getTime() ?? expiresAt - 60 * 60 * 1000;
    const window = Math.min(this.refreshAheadMs, Math.max(0, expiresAt - issuedAt) / 2);
    return expiresAt - this.options.clock.now().getTime() > window;
  }

  private async usable(connection: StoredZoomConnection): Promise<AccessTokenResult> {
    const opened = this.options.secrets.openZoomTokens(connection.userId, connection.tokens!);
    if (!opened) return this.unreadable(connection);
    return { ok: true, accessToken: opened.accessToken, zoomUserId: connection.zoomUserId!, zoomEmail: connection.zoomEmail };
  }

  /**
   * Usually a key removed from TOKEN_ENCRYPTION_KEYS too early. The stored connection is left alone:
   * putting the key back repairs it, whereas wiping it would force every user to reconnect.
   */
  private unreadable(connection: StoredZoomConnection): Failure {
    this.options.logger.error({ userId: connection.userId }, 'stored Zoom tokens could not be decrypted with any key in TOKEN_ENCRYPTION_KEYS');
    return { ok: false, reason: 'refresh_failed' };
  }
}

function unusableReason(connection: StoredZoomConnection | null): Failure | null {
  if (!connection) return { ok: false, reason: 'not_connected' };
  if (connection.state === 'needs_reconnect') return { ok: false, reason: 'needs_reconnect' };
  if (connection.state !== 'connected' || !connection.tokens || !connection.zoomUserId) return { ok: false, reason: 'not_connected' };
  return null;
}
