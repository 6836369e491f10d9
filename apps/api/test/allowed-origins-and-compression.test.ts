import request from 'supertest';
import { EnvError } from '../src/config/env';
import { createTestUser, signInAs, startTestApi, TEST_PASSWORD, type TestApi } from './support/start-test-api';
import { testEnv } from './support/test-env';

async function signInFrom(api: TestApi, origin: string) {
  const user = await createTestUser(api.store, 'recruiter');
  return request(api.url).post('/api/auth/login').set('Origin', origin).send({ email: user.email, password: TEST_PASSWORD });
}

describe('allowed origins (ALLOWED_ORIGINS)', () => {
  describe('unset', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ env: { WEB_APP_URL: 'http://localhost:5173' } });
    });
    afterAll(() => api.close());

    test('when ALLOWED_ORIGINS is unset, sign-in from WEB_APP_URL is accepted', async () => {
      expect((await signInFrom(api, 'http://localhost:5173')).status).toBe(200);
    });

    test('when ALLOWED_ORIGINS is unset, sign-in from another port of the same host is refused with csrf_failed, and the log names the origin', async () => {
      const response = await signInFrom(api, 'http://localhost:4173');
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_failed');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(api.logs.text()).toMatch(/"origin":"http:\/\/localhost:4173".*ALLOWED_ORIGINS/);
    });
  });

  describe('set to two origins', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ env: { WEB_APP_URL: 'https://crm.example.com', ALLOWED_ORIGINS: 'https://crm.example.com, http://localhost:4173/' } });
    });
    afterAll(() => api.close());

    test('when the list names vite preview’s origin, sign-in from there and from the main origin both succeed', async () => {
      expect((await signInFrom(api, 'http://localhost:4173')).status).toBe(200);
      expect((await signInFrom(api, 'https://crm.example.com')).status).toBe(200);
    });

    test('when the list is set, an origin outside it is refused, even a subdomain or another scheme of a listed one', async () => {
      for (const origin of ['https://evil.example', 'https://app.crm.example.com', 'http://crm.example.com', 'null']) {
        const response = await signInFrom(api, origin);
        expect({ origin, status: response.status, code: response.body.error?.code }).toEqual({ origin, status: 403, code: 'csrf_failed' });
      }
    });

    test('a signed-in request from a listed origin still needs the CSRF header', async () => {
      const { agent } = await signInAs(api, 'admin');
      const refused = await agent.post('/api/auth/logout').set('Origin', 'http://localhost:4173').set('x-csrf-token', 'wrong');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('csrf_failed');
    });
  });

  test.each([
    ['a path', 'https://crm.example.com/app'],
    ['a wildcard', '*'],
    ['no scheme', 'crm.example.com'],
    ['another scheme', 'ftp://crm.example.com'],
    ['only commas', ' , '],
  ])('when ALLOWED_ORIGINS holds %s, start-up stops naming the variable', (_what, value) => {
    let problem: unknown;
    try {
      testEnv({ ALLOWED_ORIGINS: value });
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(EnvError);
    expect((problem as EnvError).problems.join('\n')).toMatch(/^ALLOWED_ORIGINS: /m);
  });

  test('origins are compared as the browser sends them: a trailing slash or upper-case host in the list is normalised', () => {
    expect(testEnv({ ALLOWED_ORIGINS: 'HTTPS://CRM.example.com/,http://localhost:4173' }).ALLOWED_ORIGINS).toEqual([
      'https://crm.example.com',
      'http://localhost:4173',
    ]);
  });
});

describe('response compression', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  test('a JSON list larger than a kilobyte is sent gzipped to a client that accepts gzip, and decodes to the same body', async () => {
    const { agent } = await signInAs(api, 'admin');
    for (let i = 0; i < 20; i++) await createTestUser(api.store, 'interviewer');

    const response = await agent.get('/api/admin/users').set('Accept-Encoding', 'gzip');

    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect((response.body as { users: unknown[] }).users.length).toBeGreaterThanOrEqual(21);
  });

  test('a client that does not accept gzip gets plain JSON', async () => {
    const { agent } = await signInAs(api, 'admin');
    const response = await agent.get('/api/admin/users').set('Accept-Encoding', 'identity');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.status).toBe(200);
  });
});
