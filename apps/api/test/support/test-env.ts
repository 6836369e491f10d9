import { DEMO_SECRETS, parseEnv, type Env } from '../../src/config/env';

/** A valid test configuration; override any variable per test. */
export function testEnv(overrides: Record<string, string | undefined> = {}): Env {
  return parseEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    JWT_SECRET: 'test-jwt-secret-0123456789abcdefghijklmnop',
    OAUTH_STATE_SECRET: 'test-oauth-state-secret-0123456789abcdefghij',
    TOKEN_ENCRYPTION_KEYS: DEMO_SECRETS.TOKEN_ENCRYPTION_KEYS.replace('demo:', 'test1:'),
    WEB_APP_URL: 'http://localhost:5173',
    BACKGROUND_JOBS: 'false',
    LOGIN_RATE_LIMIT_PER_15_MIN: '10000',
    LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN: '10000',
    LOGIN_SLOWDOWN_AFTER_FAILURES: '10000',
    // Tests assert what Zoom's answer produced, whatever the machine's load; the answer budget has its own test.
    INTERVIEW_CREATE_ANSWER_MS: '120000',
    ...overrides,
  });
}
