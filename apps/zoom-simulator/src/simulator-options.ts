import { DEFAULT_SIMULATED_USERS } from './default-users';
import type { SimulatedZoomUser } from './simulated-zoom-user';
import { ZOOM_FAITHFUL_OPTIONS } from './zoom-faithful-options';

/** Zoom's account plans, as far as per-second rate limits tell them apart. */
export type RateLimitPlan = 'free' | 'pro' | 'business';

/** How the daily meeting create/update cap is answered; Zoom has been documented and seen answering each way. */
export type DailyLimitResponseShape = 'retry-after-seconds' | 'retry-after-timestamp' | 'no-retry-after' | 'code-300';

/** Classic scopes (`meeting:write`) for apps created before 2024; granular (`meeting:write:meeting`) since. */
export type ScopeStyle = 'classic' | 'granular';

export interface StartLinkPolicy {
  /** How long a start URL's zak works after it was issued. */
  ttlSeconds: number;
  /** Every `GET /meetings/{id}` answers with a freshly minted start URL. */
  reissueOnRead: boolean;
  /** Opening `/s/{id}?zak=…` with an unknown, expired or foreign zak shows the expired-link page. */
  enforceExpiry: boolean;
}

export interface WebhookDeliveryPolicy {
  /** An attempt that has not answered 2xx within this many ms counts as failed. */
  timeoutMs: number;
  /** Delay before each retry after a failed attempt; empty means one attempt only. */
  retryDelaysMs: number[];
  /** Divides the retry delays (and revoke's deauthorization delay) on real timers: 60_000 turns minutes into ms. */
  timeScale: number;
}

/** Everything a test may switch while the simulator runs; reset() restores the configured values. */
export interface SimulatorPolicy {
  /** Per-second rate limits per account and endpoint category; undefined means unlimited. */
  rateLimitPlan: RateLimitPlan | undefined;
  dailyLimitResponse: DailyLimitResponseShape;
  scopeStyle: ScopeStyle;
  /** A refresh invalidates the user's earlier access tokens for the same app (forum reports, not documented). */
  singleAccessTokenPerUser: boolean;
  /** `POST /oauth/revoke` uninstalls the app for that user and sends `app_deauthorized` after this delay; undefined: it does not. */
  revokeDeauthorization: { delayMs: number } | undefined;
  startLinks: StartLinkPolicy;
  webhookDelivery: WebhookDeliveryPolicy;
  /** Meetings one host may run at once; starting one more ends the host's running meeting. undefined: no limit. */
  concurrentMeetingsPerHost: number | undefined;
}

export interface ZoomSimulatorOptions extends Partial<SimulatorPolicy> {
  userApp?: { clientId: string; clientSecret: string; redirectUris: string[] };
  serverToServerApp?: { accountId: string; clientId: string; clientSecret: string };
  /** The first user listed for an account is that account's owner. */
  users?: SimulatedZoomUser[];
  accessTokenTtlSeconds?: number;
  /** `emitApiChanges`: meeting.updated / meeting.deleted also for changes made through /v2, as Zoom sends them. */
  webhook?: { url?: string; secretToken: string; emitApiChanges?: boolean };
  /** Clock in epoch milliseconds; inject one to test expiry without waiting. */
  now?: () => number;
  /** Create + update requests allowed per host per UTC day. */
  dailyMeetingLimitPerHost?: number;
  logRequests?: boolean;
}

export interface ResolvedSimulatorOptions extends SimulatorPolicy {
  userApp: { clientId: string; clientSecret: string; redirectUris: string[] };
  serverToServerApp: { accountId: string; clientId: string; clientSecret: string };
  users: SimulatedZoomUser[];
  accessTokenTtlSeconds: number;
  webhook: { url?: string; secretToken: string; emitApiChanges?: boolean };
  now: () => number;
  dailyMeetingLimitPerHost: number;
  logRequests: boolean;
}

/**
 * The defaults are Zoom's documented behaviour (ZOOM_FAITHFUL_OPTIONS in src/zoom-faithful-options.ts),
 * so a green suite cannot hide a production failure; the README's fidelity table lists each behaviour.
 */
export const DEFAULT_POLICY: SimulatorPolicy = ZOOM_FAITHFUL_OPTIONS;

/**
 * The simulator's original, gentler behaviour. A test that needs part of it opts out of that one
 * behaviour by name (e.g. `rateLimitPlan: LENIENT_POLICY.rateLimitPlan`) and says why.
 */
export const LENIENT_POLICY: SimulatorPolicy = {
  rateLimitPlan: undefined,
  dailyLimitResponse: 'retry-after-seconds',
  scopeStyle: 'classic',
  singleAccessTokenPerUser: false,
  revokeDeauthorization: undefined,
  startLinks: { ttlSeconds: 2 * 60 * 60, reissueOnRead: false, enforceExpiry: false },
  webhookDelivery: { timeoutMs: 10_000, retryDelaysMs: [], timeScale: 1 },
  concurrentMeetingsPerHost: undefined,
};

export function resolveSimulatorOptions(options: ZoomSimulatorOptions = {}): ResolvedSimulatorOptions {
  return {
    userApp: options.userApp ?? {
      clientId: 'sim-user-client-id',
      clientSecret: 'sim-user-client-secret',
      redirectUris: ['http://localhost:5000/api/zoom/callback'],
    },
    serverToServerApp: options.serverToServerApp ?? {
      accountId: 'sim-account-001',
      clientId: 'sim-s2s-client-id',
      clientSecret: 'sim-s2s-client-secret',
    },
    users: options.users ?? DEFAULT_SIMULATED_USERS,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3599,
    webhook: options.webhook ?? { secretToken: 'sim-webhook-secret-token' },
    now: options.now ?? Date.now,
    dailyMeetingLimitPerHost: options.dailyMeetingLimitPerHost ?? 100,
    logRequests: options.logRequests ?? false,
    rateLimitPlan: 'rateLimitPlan' in options ? options.rateLimitPlan : DEFAULT_POLICY.rateLimitPlan,
    dailyLimitResponse: options.dailyLimitResponse ?? DEFAULT_POLICY.dailyLimitResponse,
    scopeStyle: options.scopeStyle ?? DEFAULT_POLICY.scopeStyle,
    singleAccessTokenPerUser: options.singleAccessTokenPerUser ?? DEFAULT_POLICY.singleAccessTokenPerUser,
    revokeDeauthorization: 'revokeDeauthorization' in options ? options.revokeDeauthorization : DEFAULT_POLICY.revokeDeauthorization,
    startLinks: { ...DEFAULT_POLICY.startLinks, ...options.startLinks },
    webhookDelivery: { ...DEFAULT_POLICY.webhookDelivery, ...options.webhookDelivery },
    concurrentMeetingsPerHost: 'concurrentMeetingsPerHost' in options ? options.concurrentMeetingsPerHost : DEFAULT_POLICY.concurrentMeetingsPerHost,
  };
}

/** The policy part of resolved options, copied so runtime changes never touch the configured values. */
export function policyOf(options: ResolvedSimulatorOptions): SimulatorPolicy {
  return structuredClone({
    rateLimitPlan: options.rateLimitPlan,
    dailyLimitResponse: options.dailyLimitResponse,
    scopeStyle: options.scopeStyle,
    singleAccessTokenPerUser: options.singleAccessTokenPerUser,
    revokeDeauthorization: options.revokeDeauthorization,
    startLinks: options.startLinks,
    webhookDelivery: options.webhookDelivery,
    concurrentMeetingsPerHost: options.concurrentMeetingsPerHost,
  });
}
