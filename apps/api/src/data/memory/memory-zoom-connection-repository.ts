import type {
  ClearedZoomConnection,
  EncryptedZoomTokens,
  ExpectedConnection,
  NewZoomConnection,
  RefreshFence,
  SaveConnectionResult,
  StoredZoomConnection,
  ZoomConnectionRepository,
} from '../../domain/ports/zoom-connection-repository';
import { NO_ZOOM_CONNECTION } from '../../domain/ports/user-repository';
import type { MemoryUserDocument } from './memory-user-repository';
import type { UserDocuments } from './user-documents';
import { binaryOrder } from './binary-order';
import { systemServerClock, type ServerClock } from './server-clock';

function tokensOf(doc: MemoryUserDocument): EncryptedZoomTokens | null {
  if (!doc.zoomAccessToken || !doc.zoomRefreshToken || !doc.zoomTokenExpiry) return null;
  return { accessToken: doc.zoomAccessToken, refreshToken: doc.zoomRefreshToken, expiresAt: new Date(doc.zoomTokenExpiry) };
}

function wipeTokens(doc: MemoryUserDocument): void {
  doc.zoomAccessToken = null;
  doc.zoomRefreshToken = null;
  doc.zoomTokenExpiry = null;
  doc.zoomTokenVersion = (doc.zoomTokenVersion ?? 0) + 1;
  doc.zoomRefreshLeaseOwner = null;
  doc.zoomRefreshLeaseExpiresAt = null;
}

/** Works on the same documents as MemoryUserRepository; each method runs without an await, so it is atomic. */
export class MemoryZoomConnectionRepository implements ZoomConnectionRepository {
  constructor(
    private readonly documents: UserDocuments,
    private readonly serverNow: ServerClock = systemServerClock,
  ) {}

  async saveConnection(userId: string, connection: NewZoomConnection): Promise<SaveConnectionResult> {
    const doc = this.doc(userId);
    if (!doc) return { ok: false, reason: 'user_not_found' };
    const holder = this.findByZoomUserId(connection.zoomUserId);
    if (holder && holder.id !== userId) return { ok: false, reason: 'zoom_account_in_use' };
    Object.assign(doc, {
      zoomConnected: true,
      zoomConnectionState: 'connected',
      zoomUserId: connection.zoomUserId,
      zoomEmail: connection.zoomEmail,
      zoomAccountId: connection.zoomAccountId,
      zoomConnectedAt: new Date(connection.connectedAt),
      zoomScopes: [...connection.scopes],
      zoomLastRefreshAt: new Date(connection.connectedAt),
      zoomLastProblem: null,
      zoomAccessToken: connection.tokens.accessToken,
      zoomRefreshToken: connection.tokens.refreshToken,
      zoomTokenExpiry: new Date(connection.tokens.expiresAt),
      zoomTokenVersion: (doc.zoomTokenVersion ?? 0) + 1,
      zoomRefreshLeaseOwner: null,
      zoomRefreshLeaseExpiresAt: null,
    } satisfies Partial<MemoryUserDocument>);
    this.documents.changed();
    return { ok: true };
  }

  async getConnection(userId: string): Promise<StoredZoomConnection | null> {
    const doc = this.doc(userId);
    if (!doc) return null;
    return {
      userId: doc.id,
      state: doc.zoomConnectionState,
      zoomUserId: doc.zoomUserId,
      zoomEmail: doc.zoomEmail,
      tokens: tokensOf(doc),
      tokenVersion: doc.zoomTokenVersion ?? 0,
      refreshLease:
        doc.zoomRefreshLeaseOwner && doc.zoomRefreshLeaseExpiresAt
          ? { owner: doc.zoomRefreshLeaseOwner, expiresAt: new Date(doc.zoomRefreshLeaseExpiresAt) }
          : null,
      lastRefreshAt: doc.zoomLastRefreshAt ? new Date(doc.zoomLastRefreshAt) : null,
      refreshContested: this.contested(doc),
    };
  }

  async acquireRefreshLease(userId: string, owner: string, ttlMs: number): Promise<boolean> {
    const doc = this.doc(userId);
    if (!doc) return false;
    const now = this.serverNow().getTime();
    // A lease without an expiry is free (as in MongoDB, where a missing expiry sorts before now).
    const expiresAt = doc.zoomRefreshLeaseExpiresAt?.getTime() ?? null;
    const otherOwner = Boolean(doc.zoomRefreshLeaseOwner) && doc.zoomRefreshLeaseOwner !== owner;
    if (otherOwner && expiresAt !== null && expiresAt > now) return false;
    if (otherOwner && expiresAt !== null) {
      // The holder lapsed without releasing: it may still be calling Zoom with the same refresh token.
      doc.zoomRefreshContestedVersion = doc.zoomTokenVersion ?? 0;
      doc.zoomRefreshContestedUntil = new Date(now + ttlMs);
    }
    doc.zoomRefreshLeaseOwner = owner;
    doc.zoomRefreshLeaseExpiresAt = new Date(now + ttlMs);
    return true;
  }

  async releaseRefreshLease(userId: string, owner: string): Promise<void> {
    const doc = this.doc(userId);
    if (doc && doc.zoomRefreshLeaseOwner === owner) {
      doc.zoomRefreshLeaseOwner = null;
      doc.zoomRefreshLeaseExpiresAt = null;
    }
  }

  async replaceTokens(userId: string, expectedVersion: number, tokens: EncryptedZoomTokens, scopes: string[], refreshedAt: Date): Promise<boolean> {
    const doc = this.doc(userId);
    if (!doc || (doc.zoomTokenVersion ?? 0) !== expectedVersion || doc.zoomConnectionState !== 'connected') return false;
    Object.assign(doc, {
      zoomAccessToken: tokens.accessToken,
      zoomRefreshToken: tokens.refreshToken,
      zoomTokenExpiry: new Date(tokens.expiresAt),
      zoomTokenVersion: expectedVersion + 1,
      zoomScopes: [...scopes],
      zoomLastRefreshAt: new Date(refreshedAt),
      zoomRefreshLeaseOwner: null,
      zoomRefreshLeaseExpiresAt: null,
    } satisfies Partial<MemoryUserDocument>);
    return true;
  }

  async rewrapTokens(userId: string, expectedVersion: number, tokens: EncryptedZoomTokens): Promise<boolean> {
    const doc = this.doc(userId);
    if (!doc || (doc.zoomTokenVersion ?? 0) !== expectedVersion || !tokensOf(doc)) return false;
    doc.zoomAccessToken = tokens.accessToken;
    doc.zoomRefreshToken = tokens.refreshToken;
    return true;
  }

  async markNeedsReconnect(userId: string, reason: string, expectedVersion?: number, fence?: RefreshFence): Promise<boolean> {
    const doc = this.doc(userId);
    if (!doc || doc.zoomConnectionState !== 'connected') return false;
    if (expectedVersion !== undefined && (doc.zoomTokenVersion ?? 0) !== expectedVersion) return false;
    if (fence && (doc.zoomRefreshLeaseOwner !== fence.leaseOwner || this.contested(doc))) return false;
    wipeTokens(doc);
    doc.zoomConnected = false;
    doc.zoomConnectionState = 'needs_reconnect';
    doc.zoomLastProblem = reason;
    this.documents.changed();
    return true;
  }

  async clearConnection(userId: string, reason: string | null, only?: ExpectedConnection): Promise<ClearedZoomConnection | null> {
    const doc = this.doc(userId);
    if (!doc) return null;
    if (only && (doc.zoomUserId !== only.zoomUserId || (doc.zoomConnectedAt?.getTime() ?? null) !== (only.connectedAt?.getTime() ?? null))) return null;
    const cleared: ClearedZoomConnection = {
      previousState: doc.zoomConnectionState,
      zoomUserId: doc.zoomUserId,
      zoomEmail: doc.zoomEmail,
      tokens: tokensOf(doc),
    };
    wipeTokens(doc);
    Object.assign(doc, { ...NO_ZOOM_CONNECTION, zoomScopes: [], zoomLastProblem: reason } satisfies Partial<MemoryUserDocument>);
    this.documents.changed();
    return cleared;
  }

  async findUserIdByZoomUserId(zoomUserId: string): Promise<string | null> {
    return this.findByZoomUserId(zoomUserId)?.id ?? null;
  }

  async listIdleConnections(idleSince: Date, limit: number): Promise<string[]> {
    return [...this.documents.values()]
      .filter((doc) => doc.zoomConnectionState === 'connected' && tokensOf(doc))
      // Neither date known (documents older than those fields): idle, so the job keeps them alive.
      .filter((doc) => (doc.zoomLastRefreshAt ?? doc.zoomConnectedAt ?? new Date(0)).getTime() < idleSince.getTime())
      .sort((a, b) => (a.zoomLastRefreshAt?.getTime() ?? 0) - (b.zoomLastRefreshAt?.getTime() ?? 0) || binaryOrder(a.id, b.id))
      .slice(0, limit)
      .map((doc) => doc.id);
  }

  async listUserIdsWithTokens(): Promise<string[]> {
    return [...this.documents.values()].filter((doc) => tokensOf(doc)).map((doc) => doc.id);
  }

  private contested(doc: MemoryUserDocument): boolean {
    return (
      doc.zoomRefreshContestedVersion !== undefined &&
      doc.zoomRefreshContestedVersion !== null &&
      doc.zoomRefreshContestedVersion === (doc.zoomTokenVersion ?? 0) &&
      (doc.zoomRefreshContestedUntil?.getTime() ?? 0) > this.serverNow().getTime()
    );
  }

  private doc(userId: string): MemoryUserDocument | undefined {
    return this.documents.get(userId);
  }

  private findByZoomUserId(zoomUserId: string): MemoryUserDocument | undefined {
    return [...this.documents.values()].find((doc) => doc.zoomUserId === zoomUserId);
  }
}
