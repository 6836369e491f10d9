import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { Role } from '@crm/shared/auth';
import {
  DuplicateEmailError,
  NO_ZOOM_CONNECTION,
  type NewUser,
  type UserCredentials,
  type UserRecord,
  type UserRepository,
} from '../../domain/ports/user-repository';
import type { UserDocument } from './user-model';

export function toUserRecord(doc: UserDocument): UserRecord {
  return {
    id: doc._id,
    name: doc.name,
    email: doc.email,
    role: doc.role,
    createdAt: doc.createdAt,
    zoomConnected: doc.zoomConnected ?? false,
    zoomConnectionState: doc.zoomConnectionState ?? 'not_connected',
    zoomUserId: doc.zoomUserId ?? null,
    zoomEmail: doc.zoomEmail ?? null,
    zoomAccountId: doc.zoomAccountId ?? null,
    zoomConnectedAt: doc.zoomConnectedAt ?? null,
    zoomScopes: doc.zoomScopes ?? [],
    zoomLastRefreshAt: doc.zoomLastRefreshAt ?? null,
    zoomLastProblem: doc.zoomLastProblem ?? null,
  };
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

export class MongoUserRepository implements UserRepository {
  constructor(private readonly model: Model<UserDocument>) {}

  async create(input: NewUser): Promise<UserRecord> {
    const emailLower = input.email.toLowerCase();
    try {
      const doc = await this.model.create({
        _id: randomUUID(),
        name: input.name,
        email: emailLower,
        emailLower,
        role: input.role,
        passwordHash: input.passwordHash,
        createdAt: new Date(),
        ...NO_ZOOM_CONNECTION,
        zoomScopes: [],
        zoomAccessToken: null,
        zoomRefreshToken: null,
        zoomTokenExpiry: null,
      });
      return toUserRecord(doc.toObject());
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateEmailError();
      throw error;
    }
  }

  async findById(id: string): Promise<UserRecord | null> {
    const doc = await this.model.findById(id).lean<UserDocument>();
    return doc ? toUserRecord(doc) : null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const doc = await this.model.findOne({ emailLower: email.toLowerCase() }).lean<UserDocument>();
    return doc ? toUserRecord(doc) : null;
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const doc = await this.model.findOne({ emailLower: email.toLowerCase() }).select('+passwordHash').lean<UserDocument>();
    return doc ? { user: toUserRecord(doc), passwordHash: doc.passwordHash } : null;
  }

  async list(filter: { role?: Role } = {}): Promise<UserRecord[]> {
    const docs = await this.model
      .find(filter.role ? { role: filter.role } : {})
      .sort({ createdAt: 1, email: 1 })
      .lean<UserDocument[]>();
    return docs.map(toUserRecord);
  }
}
