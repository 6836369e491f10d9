import { DEMO_SECRETS, parseEnv, type Env } from '../../src/config/env';

/** The simulator's apps and users the benchmark drives; all local test values, none secret. */
export const BENCH_ZOOM_APP = { clientId: 'bench-zoom-client-id', clientSecret: 'bench-zoom-client-secret' } as const;
export const BENCH_S2S_APP = { accountId: 'sim-account-001', clientId: 'sim-s2s-client-id', clientSecret: 'sim-s2s-client-secret' } as const;
export const SYSTEM_HOST_EMAIL = 'zoom-admin@example.com';
/** The simulated Zoom user the benchmark's interviewer connects (DEFAULT_SIMULATED_USERS). */
export const BENCH_ZOOM_USER = { id: 'crZ3gYdV3xzxEDLx5JdaBw', email: 'interviewer@example.com' } as const;
export const BENCH_PASSWORD = 'bench-password-not-secret-1';

/** Benchmarks run on 127.0.0.1 only, with request logging off so the figures measure the API rather than pino. */
export const BENCH_LOG_LEVEL = 'warn';

export interface ApiServerConfig {
  /** One API instance per port, all in one process sharing one store (in-memory unless mongodbUri). */
  ports: number[];
  zoomUrl: string;
  mongodbUri?: string;
  /** Create the benchmark users (the first process of a shared MongoDB does; the second must not). */
  seedUsers: boolean;
  dropDatabaseOnExit?: boolean;
  /** Settings a section needs on top of the bench defaults (e.g. the webhook burst's secret and jobs). */
  env?: Record<string, string>;
  /** Load the organisation of issue 17 (bench/seed/organisation-seed.ts) before listening. */
  seedOrganisation?: boolean;
}

export function benchApiEnv(config: ApiServerConfig, port: number): Env {
  return parseEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: BENCH_LOG_LEVEL,
    WEB_APP_URL: 'http://localhost:5173',
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdefghijklmnop',
    OAUTH_STATE_SECRET: 'bench-oauth-state-secret-0123456789abcdefgh',
    TOKEN_ENCRYPTION_KEYS: DEMO_SECRETS.TOKEN_ENCRYPTION_KEYS.replace('demo:', 'bench:'),
    BACKGROUND_JOBS: 'false',
    LOGIN_RATE_LIMIT_PER_15_MIN: '10000',
    LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN: '10000',
    ZOOM_CLIENT_ID: BENCH_ZOOM_APP.clientId,
    ZOOM_CLIENT_SECRET: BENCH_ZOOM_APP.clientSecret,
    ZOOM_REDIRECT_URI: redirectUri(port),
    ZOOM_OAUTH_BASE_URL: config.zoomUrl,
    ZOOM_API_BASE_URL: `${config.zoomUrl}/v2`,
    ZOOM_ACCOUNT_ID: BENCH_S2S_APP.accountId,
    ZOOM_S2S_CLIENT_ID: BENCH_S2S_APP.clientId,
    ZOOM_S2S_CLIENT_SECRET: BENCH_S2S_APP.clientSecret,
    ZOOM_USER_ID: SYSTEM_HOST_EMAIL,
    ...(config.mongodbUri ? { MONGODB_URI: config.mongodbUri } : {}),
    ...config.env,
  });
}

export function redirectUri(port: number): string {
  return `http://127.0.0.1:${port}/api/zoom/callback`;
}

export const BENCH_USERS = {
  recruiter: { name: 'Bench Recruiter', email: 'bench-recruiter@example.test', role: 'recruiter' },
  interviewer: { name: 'Bench Interviewer', email: 'bench-interviewer@example.test', role: 'interviewer' },
  /** Never connects Zoom: every meeting for them falls back to the organisation's account. */
  unconnectedInterviewer: { name: 'Bench Unconnected', email: 'bench-unconnected@example.test', role: 'interviewer' },
  /** Reads the webhook inbox's counts after the burst. */
  admin: { name: 'Bench Admin', email: 'bench-admin@example.test', role: 'admin' },
} as const;
export type BenchUserKey = keyof typeof BENCH_USERS;
