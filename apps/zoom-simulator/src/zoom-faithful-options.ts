import type { SimulatorPolicy } from './simulator-options';

const MINUTE_MS = 60_000;

/**
 * Zoom's documented behaviour: the simulator's defaults (DEFAULT_POLICY in simulator-options.ts).
 * Spread it to restore a test's policy after a run-time change, or to name the values a test relies on.
 * The one-access-token-per-user policy stays off: only forum reports describe it.
 */
export const ZOOM_FAITHFUL_OPTIONS: SimulatorPolicy = {
  rateLimitPlan: 'pro',
  dailyLimitResponse: 'retry-after-timestamp',
  scopeStyle: 'granular',
  singleAccessTokenPerUser: false,
  revokeDeauthorization: { delayMs: 0 },
  startLinks: { ttlSeconds: 2 * 60 * 60, reissueOnRead: true, enforceExpiry: true },
  webhookDelivery: { timeoutMs: 3_000, retryDelaysMs: [5 * MINUTE_MS, 20 * MINUTE_MS, 60 * MINUTE_MS], timeScale: 1 },
  // Pro accounts: 1 meeting at a time per host (Business, Education, Enterprise licensed users: 2).
  concurrentMeetingsPerHost: 1,
};
