import { NO_ZOOM_CONNECTION, type NewUser, type UserRecord } from '../domain/ports/user-repository';
import { searchKeysOf } from '../domain/pagination/search-keys';

/** The fields every store writes for a new user: the email kept lower-cased, no Zoom connection yet. */
export function newUserFields(input: NewUser, createdAt: Date) {
  const emailLower = input.email.toLowerCase();
  return {
    name: input.name,
    email: emailLower,
    emailLower,
    // What the connections table and the interviewer picker search by prefix (indexed in MongoDB).
    searchKeys: searchKeysOf(input.name, emailLower),
    role: input.role,
    passwordHash: input.passwordHash,
    createdAt,
    active: true,
    sessionVersion: 0,
    ...NO_ZOOM_CONNECTION,
    zoomScopes: [] as string[],
  };
}

/**
 * Copies dates and scopes, so callers never share state with a stored document, and defaults the Zoom
 * fields that documents written before those fields existed lack.
 */
export function toUserRecord(id: string, doc: Omit<UserRecord, 'id' | 'active' | 'sessionVersion'> & { active?: boolean; sessionVersion?: number }): UserRecord {
  return {
    id,
    name: doc.name,
    email: doc.email,
    role: doc.role,
    createdAt: new Date(doc.createdAt),
    // Users written before deactivation and session versions existed are active, at version 0.
    active: doc.active ?? true,
    sessionVersion: doc.sessionVersion ?? 0,
    zoomConnected: doc.zoomConnected ?? false,
    zoomConnectionState: doc.zoomConnectionState ?? 'not_connected',
    zoomUserId: doc.zoomUserId ?? null,
    zoomEmail: doc.zoomEmail ?? null,
    zoomAccountId: doc.zoomAccountId ?? null,
    zoomConnectedAt: doc.zoomConnectedAt ? new Date(doc.zoomConnectedAt) : null,
    zoomScopes: [...(doc.zoomScopes ?? [])],
    zoomLastRefreshAt: doc.zoomLastRefreshAt ? new Date(doc.zoomLastRefreshAt) : null,
    zoomLastProblem: doc.zoomLastProblem ?? null,
  };
}
