import type { EndpointKey } from './endpoint-keys';
import type { ScopeStyle } from './simulator-options';

export const USER_APP_SCOPE = 'meeting:write meeting:read user:read';
export const ACCOUNT_APP_SCOPE = 'meeting:write:admin meeting:read:admin user:read:admin';
/** What an app created since 2024 is given for the same endpoints. */
export const GRANULAR_USER_APP_SCOPE = 'meeting:write:meeting meeting:update:meeting meeting:delete:meeting meeting:read:meeting meeting:read:list_meetings meeting:read:list_past_participants user:read:user';
export const GRANULAR_ACCOUNT_APP_SCOPE = GRANULAR_USER_APP_SCOPE.split(' ')
  .map((scope) => `${scope}:admin`)
  .join(' ');

/** The scopes an app of this style was configured with in the Marketplace. */
export function appScope(style: ScopeStyle, app: 'user' | 'account'): string {
  if (style === 'granular') return app === 'user' ? GRANULAR_USER_APP_SCOPE : GRANULAR_ACCOUNT_APP_SCOPE;
  return app === 'user' ? USER_APP_SCOPE : ACCOUNT_APP_SCOPE;
}

/**
 * What a `scope` parameter on the authorize request grants: the named scopes if the app has every
 * one of them, all the app's scopes when none is named, undefined (Zoom's "Invalid scope") otherwise.
 */
export function requestedScope(requested: string | undefined, configured: string): string | undefined {
  const names = (requested ?? '').split(/\s+/).filter(Boolean);
  if (names.length === 0) return configured;
  const available = configured.split(' ');
  return names.every((name) => available.includes(name)) ? [...new Set(names)].join(' ') : undefined;
}

/** Classic scopes and their granular equivalents; Zoom accepts either set. */
const ACCEPTED_SCOPES: Record<EndpointKey, string[]> = {
  'oauth.authorize': [],
  'oauth.token': [],
  'oauth.revoke': [],
  'users.me': ['user:read', 'user:read:user'],
  'users.get': ['user:read', 'user:read:user'],
  'meetings.create': ['meeting:write', 'meeting:write:meeting'],
  'meetings.list': ['meeting:read', 'meeting:read:list_meetings'],
  'meetings.get': ['meeting:read', 'meeting:read:meeting'],
  'meetings.update': ['meeting:write', 'meeting:update:meeting'],
  'meetings.delete': ['meeting:write', 'meeting:delete:meeting'],
  'pastMeetings.participants': ['meeting:read', 'meeting:read:list_past_participants'],
};

/** The scopes the endpoint would need, or undefined when the token has one of them (user or `:admin` form). */
export function missingScopesFor(endpoint: EndpointKey, granted: string[]): string[] | undefined {
  const accepted = ACCEPTED_SCOPES[endpoint];
  if (accepted.length === 0) return undefined;
  const ok = accepted.some((scope) => granted.includes(scope) || granted.includes(`${scope}:admin`));
  return ok ? undefined : accepted;
}
