import { randomUUID } from 'node:crypto';
import {
  DuplicateEmailError,
  NO_ZOOM_CONNECTION,
  type NewUser,
  type UserCredentials,
  type UserRecord,
  type UserRepository,
} from '../../domain/ports/user-repository';
import type { Role } from '@crm/shared/auth';

/** Shape of a stored user document; mirrors the MongoDB User model field for field. */
export interface MemoryUserDocument extends UserRecord {
  emailLower: string;
  passwordHash: string;
  [extra: string]: unknown;
}

/** Copies on the way in and out, so callers can never mutate stored state by reference (as with a real database). */
export function toUserRecord(doc: MemoryUserDocument): UserRecord {
  return {
    id: doc.id,
    name: doc.name,
    email: doc.email,
    role: doc.role,
    createdAt: new Date(doc.createdAt),
    zoomConnected: doc.zoomConnected,
    zoomConnectionState: doc.zoomConnectionState,
    zoomUserId: doc.zoomUserId,
    zoomEmail: doc.zoomEmail,
    zoomAccountId: doc.zoomAccountId,
    zoomConnectedAt: doc.zoomConnectedAt ? new Date(doc.zoomConnectedAt) : null,
    zoomScopes: [...doc.zoomScopes],
    zoomLastRefreshAt: doc.zoomLastRefreshAt ? new Date(doc.zoomLastRefreshAt) : null,
    zoomLastProblem: doc.zoomLastProblem,
  };
}

export class MemoryUserRepository implements UserRepository {
  constructor(readonly documents: Map<string, MemoryUserDocument> = new Map()) {}

  async create(input: NewUser): Promise<UserRecord> {
    const emailLower = input.email.toLowerCase();
    if ([...this.documents.values()].some((doc) => doc.emailLower === emailLower)) throw new DuplicateEmailError();
    const doc: MemoryUserDocument = {
      id: randomUUID(),
      name: input.name,
      email: emailLower,
      emailLower,
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: new Date(),
      ...NO_ZOOM_CONNECTION,
      zoomScopes: [],
    };
    this.documents.set(doc.id, doc);
    return toUserRecord(doc);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const doc = this.documents.get(id);
    return doc ? toUserRecord(doc) : null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const doc = this.byEmail(email);
    return doc ? toUserRecord(doc) : null;
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const doc = this.byEmail(email);
    return doc ? { user: toUserRecord(doc), passwordHash: doc.passwordHash } : null;
  }

  async list(filter: { role?: Role } = {}): Promise<UserRecord[]> {
    return [...this.documents.values()]
      .filter((doc) => !filter.role || doc.role === filter.role)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.email.localeCompare(b.email))
      .map(toUserRecord);
  }

  private byEmail(email: string): MemoryUserDocument | undefined {
    const emailLower = email.toLowerCase();
    return [...this.documents.values()].find((doc) => doc.emailLower === emailLower);
  }
}
