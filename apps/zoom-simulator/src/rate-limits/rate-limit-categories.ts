import type { EndpointKey } from '../endpoint-keys';
import type { RateLimitPlan } from '../simulator-options';

export type RateLimitCategory = 'Light' | 'Medium' | 'Heavy';

/** Each endpoint's "Rate Limit Label" in Zoom's Meeting API reference (../shared/zoom/zoom-meeting-api-openapi.json). */
export const ENDPOINT_RATE_LIMIT_CATEGORY: Partial<Record<EndpointKey, RateLimitCategory>> = {
  'users.me': 'Light',
  'users.get': 'Light',
  'meetings.create': 'Medium',
  'meetings.list': 'Medium',
  'meetings.get': 'Light',
  'meetings.update': 'Light',
  'meetings.delete': 'Light',
  'pastMeetings.participants': 'Medium',
};

/** Requests per second per account, from Zoom's "Rate limits by account type" table. */
export const PER_SECOND_LIMITS: Record<RateLimitPlan, Record<RateLimitCategory, number>> = {
  free: { Light: 4, Medium: 2, Heavy: 1 },
  pro: { Light: 30, Medium: 20, Heavy: 10 },
  business: { Light: 80, Medium: 60, Heavy: 40 },
};

export function isRateLimitPlan(value: unknown): value is RateLimitPlan {
  return value === 'free' || value === 'pro' || value === 'business';
}
