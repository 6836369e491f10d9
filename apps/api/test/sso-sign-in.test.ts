import request from 'supertest';
import { spawnDemoIdentityProvider, type SpawnedDemoIdentityProvider } from '@crm/demo-identity-provider/process';
import { DEMO_IDENTITY_USERS, DEMO_ROLE_MAPPING, type DemoIdentityUser } from '@crm/demo-identity-provider/users';
import { freePort } from './support/free-port';
import { beginSso, finishSso, ProviderBrowser, sessionOf } from './support/sso-test-flow';
import { createTestUser, startTestApi, type TestApi } from './support/start-test-api';

const CLIENT = { clientId: 'crm-test', clientSecret: 'crm-test-secret-0123456789' };
// People the CRM has never seen, one per test, so every test starts from "no such user".
const NEWCOMERS: DemoIdentityUser[] = Array.from({ length: 12 }, (_, index) => ({
  sub: `idp-newcomer-${index}`,
  email: `newcomer${index}@example.com`,
  name: `Newcomer ${index}`,
  groups: ['crm-interviewers'],
}));
const newcomers = [...NEWCOMERS];
const nextNewcomer = () => newcomers.shift()!;

describe('SSO sign-in against the demo identity provider', () => {
  let idp: SpawnedDemoIdentityProvider;
  let api: TestApi;

  beforeAll(async () => {
    const apiPort = await freePort();
    const redirectUri = `http://127.0.0.1:${apiPort}/api/auth/sso/callback`;
    idp = await spawnDemoIdentityProvider({
      clients: [{ ...CLIENT, redirectUris: [redirectUri], postLogoutRedirectUris: ['http://localhost:5173/login'] }],
      users: [...DEMO_IDENTITY_USERS, ...NEWCOMERS],
    });
    api = await startTestApi({
      env: {
        PORT: String(apiPort),
        OIDC_ISSUER_URL: idp.url,
        OIDC_CLIENT_ID: CLIENT.clientId,
        OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_SCOPES: 'openid email profile groups',
        OIDC_ROLE_MAPPING: DEMO_ROLE_MAPPING,
        OIDC_DEFAULT_ROLE: 'none',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await idp?.close();
  });

  /** One browser: the CRM agent plus its cookie jar at the provider. */
  async function signInAtProvider(email: string) {
    const agent = request.agent(api.url);
    const { authorizeUrl, attemptCookie } = await beginSso(agent);
    const callbackUrl = await new ProviderBrowser().signInAndReturn(authorizeUrl, email, idp.url);
    return { agent, callbackUrl, attemptCookie };
  }

  async function expectRefusedAndNothingCreated(agent: ReturnType<typeof request.agent>, location: URL, email: string, code: string) {
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('sso_error')).toBe(code);
    expect((await sessionOf(agent)).status).toBe(401);
    expect(await api.store.users.findByEmail(email)).toBeNull();
  }

  test('when someone in a mapped group signs in for the first time, they are provisioned with the mapped role and signed in', async () => {
    const person = nextNewcomer();
    const { agent, callbackUrl } = await signInAtProvider(person.email);

    const location = await finishSso(agent, callbackUrl);

    expect(location.toString()).toBe('http://localhost:5173/');
    const session = await sessionOf(agent);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ email: person.email, role: 'interviewer' });
    const { events } = await api.store.audit.list({ offset: 0, limit: 5 });
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['user.provisioned', 'auth.signed_in']));
    expect(events.find((event) => event.type === 'auth.signed_in')?.details).toMatchObject({ method: 'sso' });
  });

  test('when an existing CRM user signs in by SSO, they keep their account and role (matched by verified email)', async () => {
    const admin = await api.store.users.findByEmail('admin@example.com');
    const existing = admin ?? (await createTestUser(api.store, 'recruiter', { email: 'admin@example.com', name: 'Ada Admin' }));
    const { agent, callbackUrl } = await signInAtProvider('admin@example.com');

    await finishSso(agent, callbackUrl);

    const session = await sessionOf(agent);
    expect(session.body.user).toMatchObject({ email: 'admin@example.com', role: existing.role });
  });

  test('when the person is in no mapped group, they are refused with a page saying so and nothing is created', async () => {
    const { agent, callbackUrl } = await signInAtProvider('contractor@example.com');
    const location = await finishSso(agent, callbackUrl);
    await expectRefusedAndNothingCreated(agent, location, 'contractor@example.com', 'sso_not_mapped');
    const { events } = await api.store.audit.list({ offset: 0, limit: 1 });
    expect(events[0]).toMatchObject({ type: 'auth.sign_in_failed', details: { method: 'sso' } });
  });

  test('when the state coming back was tampered with, the sign-in is refused and nothing is created', async () => {
    const person = nextNewcomer();
    const { agent, callbackUrl } = await signInAtProvider(person.email);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);

    const location = await finishSso(agent, tampered.toString());

    await expectRefusedAndNothingCreated(agent, location, person.email, 'sso_failed');
  });

  test('when the callback arrives in a browser that never started the sign-in, it is refused', async () => {
    const person = nextNewcomer();
    const { callbackUrl } = await signInAtProvider(person.email);
    const otherBrowser = request.agent(api.url);

    const location = await finishSso(otherBrowser, callbackUrl);

    await expectRefusedAndNothingCreated(otherBrowser, location, person.email, 'sso_failed');
  });

  test('when an authorization code is replayed (with the same attempt cookie), the provider refuses it and no session is issued', async () => {
    const person = nextNewcomer();
    const { agent, callbackUrl, attemptCookie } = await signInAtProvider(person.email);
    expect((await finishSso(agent, callbackUrl)).pathname).toBe('/');
    const replayer = request.agent(api.url);
    const url = new URL(callbackUrl);

    const replay = await replayer.get(url.pathname + url.search).set('cookie', attemptCookie).expect(302);

    expect(new URL(replay.headers.location!).searchParams.get('sso_error')).toBe('sso_failed');
    expect(replay.headers['set-cookie']?.toString() ?? '').not.toContain('crm_session=ey');
    const { events } = await api.store.audit.list({ offset: 0, limit: 1 });
    expect(events[0]).toMatchObject({ type: 'auth.sign_in_failed', details: { method: 'sso' } });
  });

  // Each case's audit reason names the check that caught it, so no case passes for another reason.
  const rewriteCases: [string, () => Record<string, unknown> | 'foreign-key', RegExp][] = [
    ['the nonce is not the one this browser sent', () => ({ nonce: 'someone-elses-nonce' }), /"nonce"/],
    ['the ID token comes from another issuer', () => ({ iss: 'http://issuer.elsewhere.example' }), /"iss"/],
    ['the ID token is for another audience', () => ({ aud: 'another-client' }), /"aud"/],
    ['the ID token has expired', () => ({ exp: Math.floor(Date.now() / 1000) - 600, iat: Math.floor(Date.now() / 1000) - 1200 }), /"exp"/],
    ['the ID token is signed with a key not in the provider\'s JWKS', () => 'foreign-key', /signature/i],
  ];
  test.each(rewriteCases)('when %s, the sign-in is refused and nothing is created', async (_situation, rewrite, reason) => {
    const person = nextNewcomer();
    const { agent, callbackUrl } = await signInAtProvider(person.email);
    const change = rewrite();
    await idp.rewriteNextIdToken(change === 'foreign-key' ? { foreignKey: true } : { claims: change });

    const location = await finishSso(agent, callbackUrl);

    await expectRefusedAndNothingCreated(agent, location, person.email, 'sso_failed');
    const { events } = await api.store.audit.list({ offset: 0, limit: 1 });
    expect(String(events[0]?.details.reason)).toMatch(reason);
  });

  test('when a deactivated user signs in by SSO, they are refused with the deactivated page', async () => {
    const person = nextNewcomer();
    const user = await createTestUser(api.store, 'interviewer', { email: person.email, name: person.name });
    await api.store.users.changeAccount(user.id, { active: false });
    const { agent, callbackUrl } = await signInAtProvider(person.email);

    const location = await finishSso(agent, callbackUrl);

    expect(location.searchParams.get('sso_error')).toBe('account_deactivated');
    expect((await sessionOf(agent)).status).toBe(401);
  });

  test('when an SSO user signs out, the answer carries the provider\'s end-session URL with the ID token hint', async () => {
    const person = nextNewcomer();
    const { agent, callbackUrl } = await signInAtProvider(person.email);
    await finishSso(agent, callbackUrl);
    await sessionOf(agent);

    const response = await agent.post('/api/auth/sso/logout').set('origin', 'http://localhost:5173').expect(200);

    const endSession = new URL((response.body as { redirectTo: string }).redirectTo);
    expect(endSession.origin).toBe(idp.url);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:5173/login');
    expect((await sessionOf(agent)).status).toBe(401);
  });

  test('the login page learns that both password and SSO sign-in are on', async () => {
    const response = await request(api.url).get('/api/auth/methods').expect(200);
    expect(response.body).toEqual({ password: true, sso: true });
  });
});

describe('PASSWORD_LOGIN=false', () => {
  test('password sign-in answers 403 password_login_disabled and the login page is told only SSO is on', async () => {
    const api = await startTestApi({
      env: { OIDC_ISSUER_URL: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's', OIDC_REDIRECT_URI: 'http://127.0.0.1:1/api/auth/sso/callback', PASSWORD_LOGIN: 'false' },
    });
    try {
      const user = await createTestUser(api.store, 'admin');
      const login = await request(api.url).post('/api/auth/login').set('origin', 'http://localhost:5173').send({ email: user.email, password: 'correct-horse-battery-1' });
      expect(login.status).toBe(403);
      expect(login.body.error.code).toBe('password_login_disabled');
      expect((await request(api.url).get('/api/auth/methods')).body).toEqual({ password: false, sso: true });
    } finally {
      await api.close();
    }
  });
});
