import { DEFAULT_SIMULATED_USERS } from './default-users';

export interface SimulatedZoomUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  accountId: string;
  timezone: string;
}

export interface ZoomSimulatorOptions {
  userApp?: { clientId: string; clientSecret: string; redirectUris: string[] };
  serverToServerApp?: { accountId: string; clientId: string; clientSecret: string };
  /** The first user listed for an account is that account's owner. */
  users?: SimulatedZoomUser[];
  accessTokenTtlSeconds?: number;
  webhook?: { url?: string; secretToken: string };
  /** Clock in epoch milliseconds; inject one to test expiry without waiting. */
  now?: () => number;
  /** Create + update requests allowed per host per UTC day. */
  dailyMeetingLimitPerHost?: number;
  logRequests?: boolean;
}

export interface ResolvedSimulatorOptions {
  userApp: { clientId: string; clientSecret: string; redirectUris: string[] };
  serverToServerApp: { accountId: string; clientId: string; clientSecret: string };
  users: SimulatedZoomUser[];
  accessTokenTtlSeconds: number;
  webhook: { url?: string; secretToken: string };
  now: () => number;
  dailyMeetingLimitPerHost: number;
  logRequests: boolean;
}

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
  };
}
