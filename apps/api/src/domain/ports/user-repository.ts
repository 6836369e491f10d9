import type { Role } from '@crm/shared/auth';
import type { ZoomConnectionState } from '@crm/shared/zoom-connection';

/** A CRM user as the domain sees it: never carries the password hash or Zoom tokens. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  /** False once an admin deactivated the account: no sign-in, no session. */
  active: boolean;
  /** Embedded in every session token; bumping it ends every session issued before. */
  sessionVersion: number;
  // The design note's Zoom fields (token fields live apart, see UserZoomTokens).
  zoomConnected: boolean;
  zoomConnectionState: ZoomConnectionState;
  zoomUserId: string | null;
  zoomEmail: string | null;
  zoomAccountId: string | null;
  zoomConnectedAt: Date | null;
  zoomScopes: string[];
  zoomLastRefreshAt: Date | null;
  zoomLastProblem: string | null;
}

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  passwordHash: string;
}

export interface UserCredentials {
  user: UserRecord;
  passwordHash: string;
}

export interface UserRepository {
  /** Throws DuplicateEmailError when the (case-insensitive) email exists. */
  create(input: NewUser): Promise<UserRecord>;
  findById(id: string): Promise<UserRecord | null>;
  /** Every user with one of these ids, in one round trip (unknown ids are left out; order not guaranteed). */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  findByEmail(email: string): Promise<UserRecord | null>;
  findCredentialsByEmail(email: string): Promise<UserCredentials | null>;
  list(filter?: { role?: Role }): Promise<UserRecord[]>;
  /** A page of users in email order (then id), after `afterEmail` when given. */
  search(filter: UserSearch): Promise<UserRecord[]>;
  /** How many users there are per role and Zoom connection state (one aggregate, for totals). */
  countByConnectionState(): Promise<UserStateCount[]>;
  /**
   * Applies the changes and bumps `sessionVersion` in one write, so every session issued before ends
   * (an empty change only ends the sessions). Null when no such user.
   */
  changeAccount(id: string, changes: AccountChanges): Promise<UserRecord | null>;
}

export interface UserSearch {
  role?: Role;
  zoomConnectionState?: ZoomConnectionState;
  /** Lower-cased prefix of the name, a word of it, or the email (see search-keys.ts). */
  prefix?: string;
  /** Lower-cased email of the last user of the previous page. */
  afterEmail?: string;
  limit?: number;
}

export interface UserStateCount {
  role: Role;
  zoomConnectionState: ZoomConnectionState;
  /** Deactivated accounts are counted apart: the admin's counts by state are of active users. */
  active: boolean;
  count: number;
}

export interface AccountChanges {
  role?: Role;
  active?: boolean;
  passwordHash?: string;
}

export class DuplicateEmailError extends Error {
  constructor() {
    super('A user with this email already exists');
    this.name = 'DuplicateEmailError';
  }
}

export const NO_ZOOM_CONNECTION = {
  zoomConnected: false,
  zoomConnectionState: 'not_connected',
  zoomUserId: null,
  zoomEmail: null,
  zoomAccountId: null,
  zoomConnectedAt: null,
  zoomScopes: [],
  zoomLastRefreshAt: null,
  zoomLastProblem: null,
} as const satisfies Partial<UserRecord>;
