import { connect } from 'node:net';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { SESSION_COOKIE } from '@crm/shared/auth';
import { createTestUser, signIn, signInAs, startTestApi, TEST_PASSWORD, type TestApi } from './support/start-test-api';

const JWT = { secret: 'test-jwt-secret-0123456789abcdefghijklmnop', issuer: 'interview-crm', audience: 'interview-crm-web' };

function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}`;
}

describe('accounts and sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  test('when the password is right, login sets an httpOnly SameSite=Lax session cookie and /me returns the user without any hash', async () => {
    const user = await createTestUser(api.store, 'admin');
    const login = await request(api.url).post('/api/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const me = await request(api.url).get('/api/auth/me').set('Cookie', cookie.split(';')[0]!);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: user.id, email: user.email, role: 'admin' });
    expect(JSON.stringify(me.body)).not.toMatch(/scrypt|passwordHash/);
  });

  test('when the password is wrong or the email unknown, both answers are the same 401 invalid_credentials', async () => {
    const user = await createTestUser(api.store, 'recruiter');
    const wrong = await request(api.url).post('/api/auth/login').send({ email: user.email, password: 'not-the-password' });
    const unknown = await request(api.url).post('/api/auth/login').send({ email: 'nobody@example.test', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  test('without a session cookie /me is 401 unauthenticated', async () => {
    const response = await request(api.url).get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
  });

  test('an expired JWT is refused with session_expired', async () => {
    const user = await createTestUser(api.store, 'admin');
    const token = jwt.sign({ role: 'admin', csrf: 'x', exp: Math.floor(Date.now() / 1000) - 10 }, JWT.secret, {
      algorithm: 'HS256', subject: user.id, issuer: JWT.issuer, audience: JWT.audience,
    });
    const response = await request(api.url).get('/api/auth/me').set('Cookie', sessionCookie(token));
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('session_expired');
  });

  test('a tampered JWT (role changed, signature kept) is refused', async () => {
    const { session } = await signInAs(api, 'interviewer');
    const login = await request(api.url).post('/api/auth/login').send({ email: session.user.email, password: TEST_PASSWORD });
    const token = (login.headers['set-cookie']?.[0] ?? '').split(';')[0]!.split('=')[1]!;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const response = await request(api.url).get('/api/admin/users').set('Cookie', sessionCookie(`${header}.${forged}.${signature}`));
    expect(response.status).toBe(401);
  });

  test('an alg:none JWT is refused', async () => {
    const user = await createTestUser(api.store, 'admin');
    const token = jwt.sign({ role: 'admin', csrf: 'x' }, '', { algorithm: 'none', subject: user.id, issuer: JWT.issuer, audience: JWT.audience, expiresIn: 600 });
    const response = await request(api.url).get('/api/admin/users').set('Cookie', sessionCookie(token));
    expect(response.status).toBe(401);
  });

  test('a JWT for another audience, or signed with another secret, is refused', async () => {
    const user = await createTestUser(api.store, 'admin');
    const otherAudience = jwt.sign({ role: 'admin', csrf: 'x' }, JWT.secret, { algorithm: 'HS256', subject: user.id, issuer: JWT.issuer, audience: 'someone-else', expiresIn: 600 });
    const otherSecret = jwt.sign({ role: 'admin', csrf: 'x' }, 'another-secret-0123456789abcdefghijkl', { algorithm: 'HS256', subject: user.id, issuer: JWT.issuer, audience: JWT.audience, expiresIn: 600 });
    for (const token of [otherAudience, otherSecret]) {
      const response = await request(api.url).get('/api/auth/me').set('Cookie', sessionCookie(token));
      expect(response.status).toBe(401);
    }
  });

  test('a stale or forged session cookie does not stop the user signing in again, and sign-out clears it', async () => {
    const user = await createTestUser(api.store, 'recruiter');
    const stale = `${SESSION_COOKIE}=not.a.valid-token`;
    const login = await request(api.url).post('/api/auth/login').set('Cookie', stale).send({ email: user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.headers['set-cookie']?.[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=ey`));
    const logout = await request(api.url).post('/api/auth/logout').set('Cookie', stale);
    expect(logout.status).toBe(204);
    expect(logout.headers['set-cookie']?.[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    // Protected routes still refuse the same cookie.
    expect((await request(api.url).get('/api/auth/me').set('Cookie', stale)).body.error.code).toBe('unauthenticated');
  });

  test('logout clears the session cookie', async () => {
    const { agent } = await signInAs(api, 'recruiter');
    const response = await agent.post('/api/auth/logout');
    expect(response.status).toBe(204);
    expect(response.headers['set-cookie']?.[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });
});

describe('roles', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  test.each(['interviewer', 'recruiter'] as const)('a %s cannot list or create users (403 forbidden)', async (role) => {
    const { agent } = await signInAs(api, role);
    expect((await agent.get('/api/admin/users')).body.error.code).toBe('forbidden');
    const created = await agent.post('/api/admin/users').send({ name: 'X', email: 'x@example.test', role: 'admin', password: 'long-enough-password' });
    expect(created.status).toBe(403);
    expect(await api.store.users.findByEmail('x@example.test')).toBeNull();
  });

  test('an admin creates a user who can then sign in; the same email in other case is refused as email_taken', async () => {
    const { agent } = await signInAs(api, 'admin');
    const created = await agent.post('/api/admin/users').send({ name: 'New Person', email: 'New.Person@Example.test', role: 'interviewer', password: 'a-long-password-1' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'new.person@example.test', role: 'interviewer' });
    expect(JSON.stringify(created.body)).not.toContain('a-long-password-1');
    await signIn(api, 'new.person@example.test', 'a-long-password-1');

    const duplicate = await agent.post('/api/admin/users').send({ name: 'Again', email: 'NEW.PERSON@example.test', role: 'recruiter', password: 'a-long-password-2' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('email_taken');
    const list = await agent.get('/api/admin/users');
    expect(list.body.users.filter((u: { email: string }) => u.email === 'new.person@example.test')).toHaveLength(1);
  });

  test('an admin creating a user with a bad role or short password gets 400 validation_failed naming the fields', async () => {
    const { agent } = await signInAs(api, 'admin');
    const response = await agent.post('/api/admin/users').send({ name: 'X', email: 'bad-role@example.test', role: 'superuser', password: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    const paths = response.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['role', 'password']));
  });
});

describe('CSRF defence', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  test('a signed-in state-changing request without the CSRF header is refused and changes nothing', async () => {
    const { agent } = await signInAs(api, 'admin');
    agent.set('x-csrf-token', '');
    const response = await agent.post('/api/admin/users').send({ name: 'Evil', email: 'evil@example.test', role: 'admin', password: 'a-long-password-1' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_failed');
    expect(await api.store.users.findByEmail('evil@example.test')).toBeNull();
  });

  test('when the CSRF header has a non-ASCII byte but the right length, the request is refused with 403, not a 500', async () => {
    const user = await createTestUser(api.store, 'admin');
    const login = await request(api.url).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const cookie = (login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const csrf = login.body.csrfToken as string;
    // Raw bytes: HTTP clients would re-encode 0xE9, Node reads it as one latin1 character.
    const { port } = new URL(api.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.end(
          Buffer.concat([
            Buffer.from(`POST /api/auth/logout HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\nx-csrf-token: `),
            Buffer.from([0xe9]),
            Buffer.from(`${csrf.slice(1)}\r\n\r\n{}`),
          ]),
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    expect(answer).toContain('"csrf_failed"');
  });

  test('a request from a foreign Origin is refused even with the right header', async () => {
    const { agent } = await signInAs(api, 'admin');
    const response = await agent.post('/api/auth/logout').set('Origin', 'https://evil.example');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_failed');
  });

  test('a cross-site form post (urlencoded) to login is refused with 415', async () => {
    const user = await createTestUser(api.store, 'admin');
    const response = await request(api.url)
      .post('/api/auth/login')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(response.status).toBe(415);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('login rate limit', () => {
  test('after the configured number of failed attempts for one email from one address, login answers 429 rate_limited', async () => {
    const api = await startTestApi({ env: { LOGIN_RATE_LIMIT_PER_15_MIN: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await request(api.url).post('/api/auth/login').send({ email: 'a@example.test', password: 'nope' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // A colleague behind the same address is not locked out by someone else's failures.
      const colleague = await createTestUser(api.store, 'recruiter');
      expect((await request(api.url).post('/api/auth/login').send({ email: colleague.email, password: TEST_PASSWORD })).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
