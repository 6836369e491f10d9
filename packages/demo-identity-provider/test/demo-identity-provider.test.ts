import { spawnDemoIdentityProvider, type SpawnedDemoIdentityProvider } from '../src/spawn-demo-identity-provider';

describe('demo identity provider', () => {
  let idp: SpawnedDemoIdentityProvider;
  beforeAll(async () => {
    idp = await spawnDemoIdentityProvider({ clients: [{ clientId: 'crm', clientSecret: 'crm-secret', redirectUris: ['http://127.0.0.1:1/cb'] }] });
  });
  afterAll(() => idp.close());

  test('when asked for its discovery document, it names its issuer, PKCE S256, a JWKS and an end-session endpoint', async () => {
    const discovery = (await (await fetch(`${idp.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(idp.url);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.end_session_endpoint).toEqual(expect.stringContaining(idp.url));
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA' });
    expect(jwks.keys[0]!.d).toBeUndefined();
  });
});
