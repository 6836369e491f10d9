import request from 'supertest';
import { signInAs, startTestApi, type TestApi } from './support/start-test-api';

describe('HTTP basics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  test('GET /api/health is 200 and /api/ready names the store', async () => {
    expect((await request(api.url).get('/api/health')).status).toBe(200);
    const ready = await request(api.url).get('/api/ready');
    expect(ready.body).toEqual({ status: 'ready', store: 'memory' });
  });

  test('malformed JSON gets a 400 malformed_json envelope, not a 500', async () => {
    const response = await request(api.url).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c", ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'malformed_json', message: expect.any(String) } });
  });

  test('a body over the limit gets 413 payload_too_large', async () => {
    const response = await request(api.url).post('/api/auth/login').send({ email: 'a@b.c', password: 'x'.repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  test('an unknown route gets a 404 route_not_found envelope', async () => {
    const response = await request(api.url).get('/api/nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('route_not_found');
  });

  test('every response carries a request id and helmet security headers', async () => {
    const response = await request(api.url).get('/api/health');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  test('signed-in JSON answers (the session, a list of candidates) tell every cache not to keep them, and carry no ETag', async () => {
    const { agent } = await signInAs(api, 'recruiter');
    for (const path of ['/api/auth/me', '/api/interviews?limit=5']) {
      const response = await agent.get(path);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.etag).toBeUndefined();
    }
  });

  test('unknown fields in a login body are refused with validation_failed', async () => {
    const response = await request(api.url).post('/api/auth/login').send({ email: 'a@example.test', password: 'x', role: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  test('log lines of a login and of a failing request contain no password, cookie or JWT', async () => {
    const { agent, user } = await signInAs(api, 'admin');
    await agent.get('/api/auth/me');
    await request(api.url).post('/api/auth/login').send({ email: user.email, password: 'wrong-password-value' });
    await agent.get('/api/does-not-exist');
    const logs = api.logs.text();
    expect(logs).toContain('signed in');
    expect(logs).toContain(user.id);
    expect(logs).not.toContain('correct-horse-battery-1');
    expect(logs).not.toContain('wrong-password-value');
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/); // no JWT
    expect(logs).not.toContain('crm_session=');
    for (const line of api.logs.lines) expect(() => JSON.parse(line)).not.toThrow();
    // Each request's completion line names its real status, so failures can be found by status.
    const completions = api.logs.lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request completed');
    expect(completions).toEqual(expect.arrayContaining([expect.objectContaining({ req: expect.objectContaining({ path: '/api/does-not-exist' }), res: { statusCode: 404 } })]));
  });
});
