import type { Model } from 'mongoose';
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
import type { UserDocument } from './user-model';

const WITH_TOKENS = '+zoomAccessToken +zoomRefreshToken';

const WIPED_TOKENS = {
  zoomAccessToken: null,
  zoomRefreshToken: null,
  zoomTokenExpiry: null,
  zoomRefreshLeaseOwner: null,
  zoomRefreshLeaseExpiresAt: null,
} as const;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/** Documents written before versioning have no zoomTokenVersion; they count as version 0. */
function versionIs(expected: number): Record<string, unknown> {
  return expected === 0 ? { zoomTokenVersion: { $in: [0, null] } } : { zoomTokenVersion: expected };
}

const EPOCH = new Date(0);

/** A lease or claim expiry judged by the server's clock; a missing or null expiry counts as lapsed (free). */
function lapsed(expiresAtPath: string): Record<string, unknown> {
  return { $lte: [{ $ifNull: [expiresAtPath, EPOCH] }, '$$NOW'] };
}

/** Held by someone other than `owner` whose lease has an expiry that has passed: they never released it. */
function lapsedWhileHeldByAnother(owner: string): Record<string, unknown> {
  return {
    $and: [
      { $eq: [{ $type: '$zoomRefreshLeaseOwner' }, 'string'] },
      { $ne: ['$zoomRefreshLeaseOwner', owner] },
      { $eq: [{ $type: '$zoomRefreshLeaseExpiresAt' }, 'date'] },
    ],
  };
}

export const CONTESTED = {
  $and: [
    { $eq: ['$zoomRefreshContestedVersion', { $ifNull: ['$zoomTokenVersion', 0] }] },
    { $gt: [{ $ifNull: ['$zoomRefreshContestedUntil', EPOCH] }, '$$NOW'] },
  ],
};

/** A user document's Zoom connection; `refreshContested` is judged by the caller on the server's clock. */
export function connectionFromDocument(doc: UserDocument, refreshContested: boolean): StoredZoomConnection {
  return {
    userId: doc._id,
    state: doc.zoomConnectionState ?? 'not_connected',
    zoomUserId: doc.zoomUserId ?? null,
    zoomEmail: doc.zoomEmail ?? null,
    tokens: tokensOf(doc),
    tokenVersion: doc.zoomTokenVersion ?? 0,
    refreshLease: doc.zoomRefreshLeaseOwner && doc.zoomRefreshLeaseExpiresAt ? { owner: doc.zoomRefreshLeaseOwner, expiresAt: doc.zoomRefreshLeaseExpiresAt } : null,
    lastRefreshAt: doc.zoomLastRefreshAt ?? null,
    refreshContested,
  };
}

export function tokensOf(doc: Partial<UserDocument>): EncryptedZoomTokens | null {
  if (!doc.zoomAccessToken || !doc.zoomRefreshToken || !doc.zoomTokenExpiry) return null;
  return { accessToken: doc.zoomAccessToken, refreshToken: doc.zoomRefreshToken, expiresAt: doc.zoomTokenExpiry };
}

/** Every state change is one conditional update, so concurrent processes cannot interleave inside it. */
export class MongoZoomConnectionRepository implements ZoomConnectionRepository {
  constructor(
    private readonly model: Model<UserDocument>,
    /** One read of the server's clock (only for reporting whether a refresh is contested). */
    private readonly serverNow: () => Promise<Date>,
  ) {}

  async saveConnection(userId: string, connection: NewZoomConnection): Promise<SaveConnectionResult> {
    const holder = await this.model.findOne({ zoomUserId: { $eq: connection.zoomUserId, $type: 'string' }, _id: { $ne: userId } }, { _id: 1 }).lean();
    if (holder) return { ok: false, reason: 'zoom_account_in_use' };
    try {
      const result = await this.model.updateOne(
        { _id: userId },
        {
          $set: {
            zoomConnected: true,
            zoomConnectionState: 'connected',
            zoomUserId: connection.zoomUserId,
            zoomEmail: connection.zoomEmail,
            zoomAccountId: connection.zoomAccountId,
            zoomConnectedAt: connection.connectedAt,
            zoomScopes: connection.scopes,
            zoomLastRefreshAt: connection.connectedAt,
            zoomLastProblem: null,
            zoomAccessToken: connection.tokens.accessToken,
            zoomRefreshToken: connection.tokens.refreshToken,
            zoomTokenExpiry: connection.tokens.expiresAt,
            zoomRefreshLeaseOwner: null,
            zoomRefreshLeaseExpiresAt: null,
          },
          $inc: { zoomTokenVersion: 1 },
        },
      );
      return result.matchedCount === 1 ? { ok: true } : { ok: false, reason: 'user_not_found' };
    } catch (error) {
      // The unique index on zoomUserId settles a race between two users connecting the same Zoom account.
      if (isDuplicateKey(error)) return { ok: false, reason: 'zoom_account_in_use' };
      throw error;
    }
  }

  async getConnection(userId: string): Promise<StoredZoomConnection | null> {
    const doc = await this.model.findById(userId).select(WITH_TOKENS).lean<UserDocument>();
    if (!doc) return null;
    return connectionFromDocument(doc, await this.isContested(doc));
  }

  /** Reads the server's clock only in the rare case a takeover marked these very tokens. */
  private async isContested(doc: UserDocument): Promise<boolean> {
    const until = doc.zoomRefreshContestedUntil;
    if (!until || doc.zoomRefreshContestedVersion !== (doc.zoomTokenVersion ?? 0)) return false;
    return until.getTime() > (await this.serverNow()).getTime();
  }

  async acquireRefreshLease(userId: string, owner: string, ttlMs: number): Promise<boolean> {
    // $$NOW is the server's clock, the same for every instance: no process judges a lease by its own.
    const takeover = lapsedWhileHeldByAnother(owner);
    const result = await this.model.updateOne(
      {
        _id: userId,
        $expr: {
          $or: [{ $ne: [{ $type: '$zoomRefreshLeaseOwner' }, 'string'] }, { $eq: ['$zoomRefreshLeaseOwner', owner] }, lapsed('$zoomRefreshLeaseExpiresAt')],
        },
      },
      [
        {
          $set: {
            zoomRefreshContestedVersion: { $cond: [takeover, { $ifNull: ['$zoomTokenVersion', 0] }, { $ifNull: ['$zoomRefreshContestedVersion', null] }] },
            zoomRefreshContestedUntil: { $cond: [takeover, { $add: ['$$NOW', ttlMs] }, { $ifNull: ['$zoomRefreshContestedUntil', null] }] },
            zoomRefreshLeaseOwner: { $literal: owner },
            zoomRefreshLeaseExpiresAt: { $add: ['$$NOW', ttlMs] },
          },
        },
      ],
    );
    return result.matchedCount === 1;
  }

  async releaseRefreshLease(userId: string, owner: string): Promise<void> {
    await this.model.updateOne(
      { _id: userId, zoomRefreshLeaseOwner: owner },
      { $set: { zoomRefreshLeaseOwner: null, zoomRefreshLeaseExpiresAt: null } },
    );
  }

  async replaceTokens(userId: string, expectedVersion: number, tokens: EncryptedZoomTokens, scopes: string[], refreshedAt: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: userId, zoomConnectionState: 'connected', ...versionIs(expectedVersion) },
      {
        $set: {
          zoomAccessToken: tokens.accessToken,
          zoomRefreshToken: tokens.refreshToken,
          zoomTokenExpiry: tokens.expiresAt,
          zoomScopes: scopes,
          zoomLastRefreshAt: refreshedAt,
          zoomRefreshLeaseOwner: null,
          zoomRefreshLeaseExpiresAt: null,
        },
        $inc: { zoomTokenVersion: 1 },
      },
    );
    return result.modifiedCount === 1;
  }

  async rewrapTokens(userId: string, expectedVersion: number, tokens: EncryptedZoomTokens): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: userId, zoomAccessToken: { $type: 'string' }, zoomRefreshToken: { $type: 'string' }, ...versionIs(expectedVersion) },
      { $set: { zoomAccessToken: tokens.accessToken, zoomRefreshToken: tokens.refreshToken } },
    );
    return result.matchedCount === 1;
  }

  async markNeedsReconnect(userId: string, reason: string, expectedVersion?: number, fence?: RefreshFence): Promise<boolean> {
    const fenced = fence ? { zoomRefreshLeaseOwner: fence.leaseOwner, $expr: { $not: [CONTESTED] } } : {};
    const result = await this.model.updateOne(
      { _id: userId, zoomConnectionState: 'connected', ...(expectedVersion === undefined ? {} : versionIs(expectedVersion)), ...fenced },
      {
        $set: { ...WIPED_TOKENS, zoomConnected: false, zoomConnectionState: 'needs_reconnect', zoomLastProblem: reason },
        $inc: { zoomTokenVersion: 1 },
      },
    );
    return result.modifiedCount === 1;
  }

  async clearConnection(userId: string, reason: string | null, only?: ExpectedConnection): Promise<ClearedZoomConnection | null> {
    const expected = only ? { zoomUserId: only.zoomUserId, zoomConnectedAt: only.connectedAt } : {};
    const before = await this.model
      .findOneAndUpdate(
        { _id: userId, ...expected },
        {
          $set: { ...WIPED_TOKENS, ...NO_ZOOM_CONNECTION, zoomScopes: [], zoomLastProblem: reason },
          $inc: { zoomTokenVersion: 1 },
        },
        { returnDocument: 'before' },
      )
      .select(WITH_TOKENS)
      .lean<UserDocument>();
    if (!before) return null;
    return {
      previousState: before.zoomConnectionState ?? 'not_connected',
      zoomUserId: before.zoomUserId ?? null,
      zoomEmail: before.zoomEmail ?? null,
      tokens: tokensOf(before),
    };
  }

  async findUserIdByZoomUserId(zoomUserId: string): Promise<string | null> {
    // $type matches the partial unique index's filter, so the planner may use it.
    const doc = await this.model.findOne({ zoomUserId: { $eq: zoomUserId, $type: 'string' } }, { _id: 1 }).lean<Pick<UserDocument, '_id'>>();
    return doc?._id ?? null;
  }

  async listIdleConnections(idleSince: Date, limit: number): Promise<string[]> {
    const docs = await this.model
      .find(
        {
          zoomConnectionState: 'connected',
          zoomRefreshToken: { $type: 'string' },
          // Neither date known (documents older than those fields): idle, as in the memory store.
          $or: [
            { zoomLastRefreshAt: { $lt: idleSince } },
            { zoomLastRefreshAt: null, zoomConnectedAt: { $lt: idleSince } },
            { zoomLastRefreshAt: null, zoomConnectedAt: null },
          ],
        },
        { _id: 1 },
      )
      .sort({ zoomLastRefreshAt: 1, _id: 1 })
      .limit(limit)
      .lean<Pick<UserDocument, '_id'>[]>();
    return docs.map((doc) => doc._id);
  }

  async listUserIdsWithTokens(): Promise<string[]> {
    const docs = await this.model
      .find({ $or: [{ zoomAccessToken: { $type: 'string' } }, { zoomRefreshToken: { $type: 'string' } }] }, { _id: 1 })
      .lean<Pick<UserDocument, '_id'>[]>();
    return docs.map((doc) => doc._id);
  }
}
