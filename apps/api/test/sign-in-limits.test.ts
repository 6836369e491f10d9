import request from 'supertest';
import { accountSlowdownMs } from '../src/http/middleware/login-throttle';
import { createTestUser, startTestApi, TEST_PASSWORD, type TestApi } from './support/start-test-api';
import { testEnv } from './support/test-env';

// The production defaults, with addresses taken from X-Forwarded-For as behind a load balancer.
const LIMITS = {
  TRUST_PROXY: 'true',
  LOGIN_RATE_LIMIT_PER_15_MIN: '10',
  LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN: '30',
  LOGIN_SLOWDOWN_AFTER_FAILURES: '5',
  LOGIN_SLOWDOWN_MAX_MS: '10000',
};

function attempt(api: TestApi, from: string, email: string, password: string) {
  return request(api.url).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('sign-in limits', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi({ env: LIMITS });
  });
  afterEach(async () => {
    await api.close();
  });

  test('50 wrong passwords across 50 emails from one address: the first 30 are answered, the other 20 refused with 429, and a colleague elsewhere signs in', async () => {
    const colleague = await createTestUser(api.store, 'recruiter');
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      statuses.push((await attempt(api, '203.0.113.7', `sprayed-${i}@example.test`, 'Winter2026!')).status);
    }

    expect(tally(statuses)).toEqual({ 401: 30, 429: 20 });
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    const refused = await attempt(api, '203.0.113.7', colleague.email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect((await attempt(api, '198.51.100.2', colleague.email, TEST_PASSWORD)).status).toBe(200);
  });

  test('two instances on one store share the limits: spraying split across them is still refused after 30 failures', async () => {
    const other = await startTestApi({ env: LIMITS, store: api.store, clock: api.clock });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        statuses.push((await attempt(i % 2 === 0 ? api : other, '203.0.113.8', `split-${i}@example.test`, 'Winter2026!')).status);
      }
      expect(tally(statuses)).toEqual({ 401: 30, 429: 20 });
    } finally {
      await other.close();
    }
  });

  test('the owner with the right password from a different address is never locked out: 60 failures on their account from 51 addresses only slow attempts down', async () => {
    const owner = await createTestUser(api.store, 'interviewer');
    const statuses: number[] = [];
    // A botnet: one wrong password from each of 50 addresses, then 10 more from one of them.
    for (let i = 0; i < 50; i += 1) statuses.push((await attempt(api, `198.18.0.${i + 1}`, owner.email, 'guess-password-1')).status);
    for (let i = 0; i < 10; i += 1) statuses.push((await attempt(api, '198.18.1.1', owner.email, 'guess-password-1')).status);
    const sleptBeforeOwner = api.clock.sleeps().length;

    const ownerSignsIn = await attempt(api, '192.0.2.44', owner.email, TEST_PASSWORD);

    // Every attempt was answered (none refused: the account is never locked), later ones after a wait.
    expect(tally(statuses)).toEqual({ 401: 60 });
    expect(ownerSignsIn.status).toBe(200);
    const waits = api.clock.sleeps();
    expect(waits.slice(0, 3)).toEqual([500, 1000, 2000]);
    expect(Math.max(...waits)).toBe(10_000);
    expect(waits.length).toBe(sleptBeforeOwner + 1);
    // The owner's success clears the account's count: their next attempt is not slowed.
    await attempt(api, '192.0.2.44', owner.email, TEST_PASSWORD).expect(200);
    expect(api.clock.sleeps().length).toBe(waits.length);
  });

  test('guessing one account from one address is refused after 10 failures, for that address and email only', async () => {
    const owner = await createTestUser(api.store, 'interviewer');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await attempt(api, '203.0.113.9', owner.email, 'guess-password-1')).status);

    expect(tally(statuses)).toEqual({ 401: 10, 429: 2 });
    expect((await attempt(api, '203.0.113.10', owner.email, TEST_PASSWORD)).status).toBe(200);
  });

  test('the slow-down starts after LOGIN_SLOWDOWN_AFTER_FAILURES failures at 0.5 s, doubles, and stops at LOGIN_SLOWDOWN_MAX_MS', () => {
    const env = testEnv(LIMITS);
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 200].map((failures) => accountSlowdownMs(failures, env))).toEqual([
      0, 0, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  test('a signed-in session cannot guess its own password: wrong current passwords are refused after 10', async () => {
    const owner = await createTestUser(api.store, 'recruiter');
    const agent = request.agent(api.url);
    const login = await agent.post('/api/auth/login').set('X-Forwarded-For', '192.0.2.50').send({ email: owner.email, password: TEST_PASSWORD }).expect(200);
    agent.set('x-csrf-token', (login.body as { csrfToken: string }).csrfToken);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await agent.post('/api/auth/password').send({ currentPassword: `guess-${i}-password`, newPassword: 'a-brand-new-password-42' })).status);
    }
    expect(tally(statuses)).toEqual({ 401: 10, 429: 2 });
  });
});
