import type { RequestHandler } from 'express';
import { ENDPOINT_RATE_LIMIT_CATEGORY, PER_SECOND_LIMITS } from '../rate-limits/rate-limit-categories';
import type { SimulatorState } from '../state/simulator-state';
import { perSecondRateLimit } from '../zoom-error-bodies';
import { isEndpointKey } from '../endpoint-keys';
import { requestContext } from './request-context';

/**
 * Zoom limits each account per second by the endpoint's category and says so in headers on every
 * answer; over the limit it answers 429 with `X-RateLimit-Type: QPS`. Runs after authentication,
 * because the account comes from the token.
 */
export function enforceRateLimits(state: SimulatorState): RequestHandler {
  return (_req, res, next) => {
    const plan = state.policy.rateLimitPlan;
    const context = requestContext(res);
    const category = isEndpointKey(context.endpoint) ? ENDPOINT_RATE_LIMIT_CATEGORY[context.endpoint] : undefined;
    const accountId = context.principal?.accountId;
    if (plan === undefined || category === undefined || accountId === undefined) return next();

    const decision = state.rateLimiter.consume(accountId, category, PER_SECOND_LIMITS[plan][category]);
    res.set('X-RateLimit-Category', category).set('X-RateLimit-Limit', String(decision.limit));
    if (decision.allowed) {
      res.set('X-RateLimit-Remaining', String(decision.remaining));
      return next();
    }
    res
      .status(429)
      .set('X-RateLimit-Type', 'QPS')
      .set('X-RateLimit-Remaining', '0')
      .set('Retry-After', String(decision.retryAfterSeconds))
      .json(perSecondRateLimit());
  };
}
