/**
 * A real OpenID Connect provider (oidc-provider) for demo mode and the tests: authorization code with
 * PKCE, signed ID tokens with a groups claim, discovery, JWKS and RP-initiated logout, with the demo users.
 * Not for production: the password is public and everything lives in memory.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DEMO_IDENTITY_PASSWORD, DEMO_IDENTITY_USERS, type DemoIdentityUser } from './demo-identity-users';
import { loginPage, logoutPage, signedOutPage } from './interaction-pages';
import { IdTokenRewriter, type IdTokenRewrite } from './id-token-rewriter';

export interface DemoIdentityClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface DemoIdentityProviderOptions {
  port?: number;
  host?: string;
  /** The issuer as clients see it; defaults to `http://<host>:<port>`. */
  publicHost?: string;
  clients: DemoIdentityClient[];
  users?: readonly DemoIdentityUser[];
  /**
   * Tests only: `POST /__idp/next-id-token` rewrites the claims of the next ID token the token endpoint
   * issues (re-signed with the provider's own key), to prove the client refuses what it must.
   */
  testControls?: boolean;
}

export interface DemoIdentityProvider {
  /** The issuer URL (also the discovery base). */
  url: string;
  /** Rewrites the next ID token (same as the test-control endpoint, for in-process callers). */
  rewriteNextIdToken(rewrite: IdTokenRewrite): void;
  close(): Promise<void>;
}

export const TEST_CONTROL_PATH = '/__idp/next-id-token';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

export async function startDemoIdentityProvider(options: DemoIdentityProviderOptions): Promise<DemoIdentityProvider> {
  const users = options.users ?? DEMO_IDENTITY_USERS;
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.publicHost ?? host}:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `demo-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
  const rewriter = new IdTokenRewriter(signingKey);

  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    // The ID token carries email, name and groups, as Okta's and Entra's do when asked for them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = users.find((candidate) => candidate.sub === sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: () => ({ sub: user.sub, email: user.email, email_verified: true, name: user.name, groups: user.groups }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
      const body = ctx.body as { id_token?: string };
      if (body.id_token) body.id_token = await rewriter.applyPending(body.id_token);
    }
  });
  const oidc = provider.callback();
  const clientName = 'the Interview CRM';

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return sendHtml(res, 400, loginPage({ action: `/interaction/${details.uid}/login`, clientName, error: 'This sign-in page expired; start again.' }));
    if (details.prompt.name === 'login') {
      if (req.method !== 'POST' || action !== 'login') return sendHtml(res, 200, loginPage({ action: `/interaction/${uid}/login`, clientName }));
      const form = new URLSearchParams(await readBody(req));
      const email = (form.get('email') ?? '').trim().toLowerCase();
      const user = users.find((candidate) => candidate.email === email);
      if (!user || form.get('password') !== DEMO_IDENTITY_PASSWORD) {
        return sendHtml(res, 200, loginPage({ action: `/interaction/${uid}/login`, clientName, email, error: 'Email or password is incorrect.' }));
      }
      return provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    }
    // Consent: the organisation's own apps are pre-approved, as in a company directory.
    const { accountId } = details.session ?? {};
    const clientId = String(details.params.client_id);
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: accountId!, clientId });
    if (!grant) throw new Error('grant vanished');
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?$/.exec(path);
    if (options.testControls && path === TEST_CONTROL_PATH && req.method === 'POST') {
      void readBody(req).then((raw) => {
        rewriter.setPending(JSON.parse(raw) as IdTokenRewrite);
        res.writeHead(204).end();
      }).catch(() => res.writeHead(400).end());
      return;
    }
    if (match) {
      interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
        if (!res.headersSent) sendHtml(res, 400, loginPage({ action: '#', clientName, error: `Sign-in could not continue (${(error as Error).message}). Start again from the CRM.` }));
      });
      return;
    }
    void oidc(req, res);
  });

  return {
    url: issuer,
    rewriteNextIdToken: (rewrite) => rewriter.setPending(rewrite),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
