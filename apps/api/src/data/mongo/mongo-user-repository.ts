import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { Role } from '@crm/shared/auth';
import {
  DuplicateEmailError,
  type AccountChanges,
  type NewUser,
  type UserCredentials,
  type UserRecord,
  type UserRepository,
  type UserSearch,
  type UserStateCount,
} from '../../domain/ports/user-repository';
import { anchoredPrefixPattern } from '../../domain/pagination/search-keys';
import { newUserFields, toUserRecord } from '../user-document';
import type { UserDocument } from './user-model';

function toRecord(doc: UserDocument): UserRecord {
  return toUserRecord(doc._id, doc);
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

export class MongoUserRepository implements UserRepository {
  constructor(private readonly model: Model<UserDocument>) {}

  async create(input: NewUser): Promise<UserRecord> {
    try {
      const doc = await this.model.create({
        _id: randomUUID(),
        ...newUserFields(input, new Date()),
        zoomAccessToken: null,
        zoomRefreshToken: null,
        zoomTokenExpiry: null,
      });
      return toRecord(doc.toObject());
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateEmailError();
      throw error;
    }
  }

  async findById(id: string): Promise<UserRecord | null> {
    const doc = await this.model.findById(id).lean<UserDocument>();
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: [...new Set(ids)] } }).lean<UserDocument[]>();
    return docs.map(toRecord);
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const doc = await this.model.findOne({ emailLower: email.toLowerCase() }).lean<UserDocument>();
    return doc ? toRecord(doc) : null;
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const doc = await this.model.findOne({ emailLower: email.toLowerCase() }).select('+passwordHash').lean<UserDocument>();
    return doc ? { user: toRecord(doc), passwordHash: doc.passwordHash } : null;
  }

  async list(filter: { role?: Role } = {}): Promise<UserRecord[]> {
    const docs = await this.model
      .find(filter.role ? { role: filter.role } : {})
      .sort({ createdAt: 1, email: 1 })
      .lean<UserDocument[]>();
    return docs.map(toRecord);
  }

  async search(filter: UserSearch): Promise<UserRecord[]> {
    const query: Record<string, unknown> = {};
    if (filter.role !== undefined) query.role = filter.role;
    if (filter.zoomConnectionState !== undefined) query.zoomConnectionState = filter.zoomConnectionState;
    if (filter.prefix !== undefined) query.searchKeys = anchoredPrefixPattern(filter.prefix);
    if (filter.afterEmail !== undefined) query.emailLower = { $gt: filter.afterEmail };
    let find = this.model.find(query).sort({ emailLower: 1 });
    if (filter.limit !== undefined) find = find.limit(filter.limit);
    return (await find.lean<UserDocument[]>()).map(toRecord);
  }

  async countByConnectionState(): Promise<UserStateCount[]> {
    const rows = await this.model.aggregate<{ _id: { role: UserStateCount['role']; state: UserStateCount['zoomConnectionState'] | null; active: boolean }; count: number }>([
      { $group: { _id: { role: '$role', state: '$zoomConnectionState', active: { $ne: ['$active', false] } }, count: { $sum: 1 } } },
    ]);
    return rows.map((row) => ({ role: row._id.role, zoomConnectionState: row._id.state ?? 'not_connected', active: row._id.active, count: row.count }));
  }

  async changeAccount(id: string, changes: AccountChanges): Promise<UserRecord | null> {
    const set: Partial<AccountChanges> = {};
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.active !== undefined) set.active = changes.active;
    if (changes.passwordHash !== undefined) set.passwordHash = changes.passwordHash;
    // $inc on a missing field starts from 0, so documents written before versions existed move to 1.
    const update = Object.keys(set).length > 0 ? { $set: set, $inc: { sessionVersion: 1 } } : { $inc: { sessionVersion: 1 } };
    const doc = await this.model.findOneAndUpdate({ _id: id }, update, { new: true }).lean<UserDocument>();
    return doc ? toRecord(doc) : null;
  }
}
