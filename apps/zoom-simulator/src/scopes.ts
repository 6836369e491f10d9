import type { EndpointKey } from './endpoint-keys';

export const USER_APP_SCOPE = 'meeting:write meeting:read user:read';
export const ACCOUNT_APP_SCOPE = 'meeting:write:admin meeting:read:admin user:read:admin';

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
};

/** The scopes the endpoint would need, or undefined when the token has one of them (user or `:admin` form). */
export function missingScopesFor(endpoint: EndpointKey, granted: string[]): string[] | undefined {
  const accepted = ACCEPTED_SCOPES[endpoint];
  if (accepted.length === 0) return undefined;
  const ok = accepted.some((scope) => granted.includes(scope) || granted.includes(`${scope}:admin`));
  return ok ? undefined : accepted;
}
