import { randomUUID } from 'node:crypto';
import { binaryOrder } from './binary-order';
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
import { matchesPrefix, searchKeysOf } from '../../domain/pagination/search-keys';
import { ROLES, type Role } from '@crm/shared/auth';
import { ZOOM_CONNECTION_STATES } from '@crm/shared/zoom-connection';
import { newUserFields, toUserRecord } from '../user-document';
import { UserDocuments } from './user-documents';

/** Shape of a stored user document; mirrors the MongoDB User model field for field. */
export interface MemoryUserDocument extends UserRecord {
  emailLower: string;
  /** Absent on documents a test wrote by hand: computed when searched. */
  searchKeys?: string[];
  passwordHash: string;
  // Token and refresh-lease fields: written only by MemoryZoomConnectionRepository.
  zoomAccessToken?: string | null;
  zoomRefreshToken?: string | null;
  zoomTokenExpiry?: Date | null;
  zoomTokenVersion?: number;
  zoomRefreshLeaseOwner?: string | null;
  zoomRefreshLeaseExpiresAt?: Date | null;
  // Set when a lapsed lease was taken over: that token version's invalid_grant is ambiguous until then.
  zoomRefreshContestedVersion?: number | null;
  zoomRefreshContestedUntil?: Date | null;
}

function toRecord(doc: MemoryUserDocument): UserRecord {
  return toUserRecord(doc.id, doc);
}

export class MemoryUserRepository implements UserRepository {
  constructor(readonly documents: UserDocuments = new UserDocuments()) {}

  async create(input: NewUser): Promise<UserRecord> {
    const fields = newUserFields(input, new Date());
    if ([...this.documents.values()].some((doc) => doc.emailLower === fields.emailLower)) throw new DuplicateEmailError();
    const doc: MemoryUserDocument = { id: randomUUID(), ...fields };
    this.documents.set(doc.id, doc);
    return toRecord(doc);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const doc = this.documents.get(id);
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    return [...new Set(ids)].flatMap((id) => {
      const doc = this.documents.get(id);
      return doc ? [toRecord(doc)] : [];
    });
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const doc = this.byEmail(email);
    return doc ? toRecord(doc) : null;
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const doc = this.byEmail(email);
    return doc ? { user: toRecord(doc), passwordHash: doc.passwordHash } : null;
  }

  async list(filter: { role?: Role } = {}): Promise<UserRecord[]> {
    return [...this.documents.values()]
      .filter((doc) => !filter.role || doc.role === filter.role)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || binaryOrder(a.email, b.email))
      .map(toRecord);
  }

  async search(filter: UserSearch): Promise<UserRecord[]> {
    const { prefix, afterEmail } = filter;
    const ordered = this.inEmailOrder();
    const limit = filter.limit ?? ordered.length;
    const page: MemoryUserDocument[] = [];
    // Emails never change: walk the email order from the cursor until the page is full.
    let low = 0;
    if (afterEmail !== undefined) {
      let high = ordered.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (ordered[mid]!.emailLower <= afterEmail) low = mid + 1;
        else high = mid;
      }
    }
    for (let at = low; at < ordered.length && page.length < limit; at += 1) {
      const doc = ordered[at]!;
      if (filter.role !== undefined && doc.role !== filter.role) continue;
      if (filter.zoomConnectionState !== undefined && (doc.zoomConnectionState ?? 'not_connected') !== filter.zoomConnectionState) continue;
      if (prefix !== undefined && !matchesPrefix((doc.searchKeys ??= searchKeysOf(doc.name, doc.emailLower)), prefix)) continue;
      page.push(doc);
    }
    return page.map(toRecord);
  }

  /** Every user by email, rebuilt only after a user was added (the only change to the order). */
  private emailOrder: { size: number; docs: MemoryUserDocument[] } | null = null;

  private inEmailOrder(): MemoryUserDocument[] {
    if (this.emailOrder?.size !== this.documents.size) {
      this.emailOrder = { size: this.documents.size, docs: [...this.documents.values()].sort((a, b) => binaryOrder(a.emailLower, b.emailLower)) };
    }
    return this.emailOrder.docs;
  }

  private tally: { version: number; counts: UserStateCount[] } | null = null;

  async countByConnectionState(): Promise<UserStateCount[]> {
    // Asked on every page of the admin connections list: counted again only after a write that can change it.
    if (this.tally?.version !== this.documents.version) this.tally = { version: this.documents.version, counts: this.countAll() };
    return this.tally.counts.map((count) => ({ ...count }));
  }

  private countAll(): UserStateCount[] {
    // A fixed grid: no key strings, no objects per user.
    const cells = new Array<number>(ROLES.length * ZOOM_CONNECTION_STATES.length * 2).fill(0);
    for (const doc of this.documents.values()) {
      const state = ZOOM_CONNECTION_STATES.indexOf(doc.zoomConnectionState ?? 'not_connected');
      cells[(ROLES.indexOf(doc.role) * ZOOM_CONNECTION_STATES.length + state) * 2 + (doc.active === false ? 0 : 1)]! += 1;
    }
    const counts: UserStateCount[] = [];
    ROLES.forEach((role, r) =>
      ZOOM_CONNECTION_STATES.forEach((zoomConnectionState, z) =>
        [false, true].forEach((active, a) => {
          const count = cells[(r * ZOOM_CONNECTION_STATES.length + z) * 2 + a]!;
          if (count > 0) counts.push({ role, zoomConnectionState, active, count });
        }),
      ),
    );
    return counts;
  }

  async changeAccount(id: string, changes: AccountChanges): Promise<UserRecord | null> {
    const doc = this.documents.get(id);
    if (!doc) return null;
    if (changes.role !== undefined) doc.role = changes.role;
    if (changes.active !== undefined) doc.active = changes.active;
    if (changes.passwordHash !== undefined) doc.passwordHash = changes.passwordHash;
    doc.sessionVersion = (doc.sessionVersion ?? 0) + 1;
    this.documents.changed();
    return toRecord(doc);
  }

  private byEmail(email: string): MemoryUserDocument | undefined {
    const emailLower = email.toLowerCase();
    return [...this.documents.values()].find((doc) => doc.emailLower === emailLower);
  }
}
