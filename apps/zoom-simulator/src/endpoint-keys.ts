export type EndpointKey =
  | 'oauth.authorize'
  | 'oauth.token'
  | 'oauth.revoke'
  | 'users.me'
  | 'users.get'
  | 'meetings.create'
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.update'
  | 'meetings.delete'
  | 'pastMeetings.participants';

export const ENDPOINT_KEYS: readonly EndpointKey[] = [
  'oauth.authorize',
  'oauth.token',
  'oauth.revoke',
  'users.me',
  'users.get',
  'meetings.create',
  'meetings.list',
  'meetings.get',
  'meetings.update',
  'meetings.delete',
  'pastMeetings.participants',
];

export function isEndpointKey(value: unknown): value is EndpointKey {
  return typeof value === 'string' && (ENDPOINT_KEYS as readonly string[]).includes(value);
}

/** Classifies a request before routing, so faults and records apply even to requests a route would reject. */
export function classifyEndpoint(method: string, path: string): EndpointKey | 'unknown' {
  const segments = path.split('/').filter(Boolean);
  const [first, second, third, fourth] = segments;
  if (first === 'oauth' && segments.length === 2) {
    if (second === 'authorize' && (method === 'GET' || method === 'POST')) return 'oauth.authorize';
    if (second === 'token' && method === 'POST') return 'oauth.token';
    if (second === 'revoke' && method === 'POST') return 'oauth.revoke';
  }
  if (first === 'v2' && second === 'users' && third !== undefined) {
    if (segments.length === 3 && method === 'GET') return third === 'me' ? 'users.me' : 'users.get';
    if (segments.length === 4 && fourth === 'meetings') {
      if (method === 'POST') return 'meetings.create';
      if (method === 'GET') return 'meetings.list';
    }
  }
  if (first === 'v2' && second === 'meetings' && segments.length === 3) {
    if (method === 'GET') return 'meetings.get';
    if (method === 'PATCH') return 'meetings.update';
    if (method === 'DELETE') return 'meetings.delete';
  }
  if (first === 'v2' && second === 'past_meetings' && segments.length === 4 && fourth === 'participants' && method === 'GET') return 'pastMeetings.participants';
  return 'unknown';
}
