import { DAILY_LIMIT_RESPONSE_SHAPES } from '../daily-limit-answer';
import { isRateLimitPlan } from '../rate-limits/rate-limit-categories';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonNegative = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

const CHECKS: Record<string, (value: unknown) => string | undefined> = {
  rateLimitPlan: (v) => (v === undefined || v === null || isRateLimitPlan(v) ? undefined : 'rateLimitPlan must be "free", "pro", "business" or null'),
  dailyLimitResponse: (v) =>
    typeof v === 'string' && (DAILY_LIMIT_RESPONSE_SHAPES as readonly string[]).includes(v) ? undefined : `dailyLimitResponse must be one of ${DAILY_LIMIT_RESPONSE_SHAPES.join(', ')}`,
  scopeStyle: (v) => (v === 'classic' || v === 'granular' ? undefined : 'scopeStyle must be "classic" or "granular"'),
  singleAccessTokenPerUser: (v) => (typeof v === 'boolean' ? undefined : 'singleAccessTokenPerUser must be a boolean'),
  revokeDeauthorization: (v) =>
    v === undefined || v === null || (isObject(v) && isNonNegative(v.delayMs)) ? undefined : 'revokeDeauthorization must be {"delayMs": <non-negative number>} or null',
  startLinks: (v) =>
    isObject(v) && isNonNegative(v.ttlSeconds) && typeof v.reissueOnRead === 'boolean' && typeof v.enforceExpiry === 'boolean'
      ? undefined
      : 'startLinks must be {"ttlSeconds": number, "reissueOnRead": boolean, "enforceExpiry": boolean}',
  webhookDelivery: (v) =>
    isObject(v) && isNonNegative(v.timeoutMs) && Array.isArray(v.retryDelaysMs) && v.retryDelaysMs.every(isNonNegative) && isNonNegative(v.timeScale) && v.timeScale > 0
      ? undefined
      : 'webhookDelivery must be {"timeoutMs": number, "retryDelaysMs": number[], "timeScale": positive number}',
  concurrentMeetingsPerHost: (v) =>
    v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1) ? undefined : 'concurrentMeetingsPerHost must be a whole number of at least 1, or null (no limit)',
};

/** Why a policy change cannot be applied, or undefined when it can. */
export function describeInvalidPolicy(changes: unknown): string | undefined {
  if (!isObject(changes)) return 'A policy change must be an object';
  for (const [key, value] of Object.entries(changes)) {
    const check = CHECKS[key];
    if (!check) return `Unknown policy key ${JSON.stringify(key)}; known: ${Object.keys(CHECKS).join(', ')}`;
    const problem = check(value);
    if (problem) return problem;
  }
  return undefined;
}
