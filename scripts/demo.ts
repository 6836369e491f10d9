/**
 * Demo mode: the Zoom simulator, the API on the embedded in-memory store with seeded demo users,
 * and the web app, started together. Browser tests start exactly this stack.
 *
 * Ports: DEMO_API_PORT (5000, the design note's redirect URI), DEMO_WEB_PORT (5173), DEMO_SIM_PORT (9090),
 * DEMO_SMTP_PORT (1025, the embedded mail sink every email goes to), DEMO_INBOX_PORT (8025, its web inbox) and
 * DEMO_IDP_PORT (9092, the demo identity provider behind "Sign in with SSO").
 * DEMO_WEB=preview builds the web app and serves the build (`vite preview`, same /api proxy) instead of
 * Vite's dev server: the browser tests use it, since every new browser context would otherwise fetch
 * hundreds of unbundled modules from the dev server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { startMailSink } from '@crm/mail-sink';
import { startDemoIdentityProvider, type DemoIdentityProvider } from '@crm/demo-identity-provider';
import { DEMO_ROLE_MAPPING } from '@crm/demo-identity-provider/users';
import { startZoomSimulator } from '@crm/zoom-simulator';

const ROOT = resolve(__dirname, '..');
const DEMO_PASSWORD = 'demo-password-1';
const DEMO_LOGINS = [
  ['admin@example.com', 'admin'],
  ['recruiter@example.com', 'recruiter'],
  ['recruiter2@example.com', 'recruiter'],
  ['interviewer@example.com', 'interviewer'],
  ['interviewer2@example.com', 'interviewer'],
  ['interviewer3@example.com', 'interviewer'],
] as const;

const USER_APP = { clientId: 'sim-user-client-id', clientSecret: 'sim-user-client-secret' };
const S2S_APP = { accountId: 'sim-account-001', clientId: 'sim-s2s-client-id', clientSecret: 'sim-s2s-client-secret' };
const WEBHOOK_SECRET = 'sim-webhook-secret-token';

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number (1-65535), got "${process.env[name]}"`);
    process.exit(1);
  }
  return value;
}

async function waitForHttp(url: string, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000}s`);
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Its own process group: pnpm does not pass a signal on to the server it started (tsx → node, vite),
  // so stopping signals the whole group instead of pnpm alone.
  const child = spawn('pnpm', args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = `[${name}] `;
  const forward = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) target.write(prefix + line + '\n');
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  return child;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the child's whole process group; whatever is still running after the grace time gets SIGKILL. */
async function stopProcessGroup(child: ChildProcess, graceMs = 3_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
}

function webMode(): 'dev' | 'preview' {
  const value = process.env.DEMO_WEB ?? 'dev';
  if (value !== 'dev' && value !== 'preview') {
    console.error(`DEMO_WEB must be "dev" (Vite's dev server) or "preview" (build, then serve the build), got "${value}"`);
    process.exit(1);
  }
  return value;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    console.error('Refusing to start demo mode with NODE_ENV=production: demo mode uses public secrets and an in-memory store.');
    process.exit(1);
  }
  const web = webMode();
  const apiPort = port('DEMO_API_PORT', 5000);
  const webPort = port('DEMO_WEB_PORT', 5173);
  const simPort = port('DEMO_SIM_PORT', 9090);
  const smtpPort = port('DEMO_SMTP_PORT', 1025);
  const inboxPort = port('DEMO_INBOX_PORT', 8025);
  const apiUrl = `http://localhost:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;

  const simulator = await startZoomSimulator({
    port: simPort,
    host: '127.0.0.1',
    userApp: { ...USER_APP, redirectUris: [`${apiUrl}/api/zoom/callback`] },
    serverToServerApp: S2S_APP,
    webhook: { url: `${apiUrl}/api/zoom/webhook`, secretToken: WEBHOOK_SECRET },
    // No policy options: the simulator behaves as Zoom documents (Pro per-second limits, start links that
    // expire after 2 hours and are re-minted on every read, app_deauthorized after a revoke, webhook retries).
  });

  // A real SMTP server that keeps every email in memory: nothing leaves the machine, everything is readable.
  const mailSink = await startMailSink({ smtpPort, web: { port: inboxPort } });

  // The demo identity provider ("Sign in with SSO"); a busy port (another demo) falls back to a free one.
  const sso = { clientId: 'crm-demo', clientSecret: 'crm-demo-client-secret', redirectUri: `${apiUrl}/api/auth/sso/callback` };
  const startIdentityProvider = (idpPort: number) =>
    startDemoIdentityProvider({
      port: idpPort,
      host: '127.0.0.1',
      clients: [{ clientId: sso.clientId, clientSecret: sso.clientSecret, redirectUris: [sso.redirectUri], postLogoutRedirectUris: [`${webUrl}/login`] }],
    });
  let identityProvider: DemoIdentityProvider | null = null;
  try {
    identityProvider = await startIdentityProvider(port('DEMO_IDP_PORT', 9092)).catch(() => startIdentityProvider(0));
  } catch (error) {
    console.error('The demo identity provider did not start; demo mode runs without SSO:', error instanceof Error ? error.message : error);
  }

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([...children.map((child) => stopProcessGroup(child)), simulator.close(), mailSink.close(), identityProvider?.close()]);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  // From source, like the web app's dev server: demo mode needs no build step (production runs dist/main.js).
  const api = run('api', ['--filter', '@crm/api', 'exec', 'tsx', 'src/main.ts'], {
    NODE_ENV: 'development',
    DEMO_MODE: 'true',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    WEB_APP_URL: webUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    ZOOM_CLIENT_ID: USER_APP.clientId,
    ZOOM_CLIENT_SECRET: USER_APP.clientSecret,
    ZOOM_REDIRECT_URI: `${apiUrl}/api/zoom/callback`,
    ZOOM_ACCOUNT_ID: S2S_APP.accountId,
    ZOOM_S2S_CLIENT_ID: S2S_APP.clientId,
    ZOOM_S2S_CLIENT_SECRET: S2S_APP.clientSecret,
    ZOOM_USER_ID: 'zoom-admin@example.com',
    ZOOM_OAUTH_BASE_URL: simulator.url,
    ZOOM_API_BASE_URL: `${simulator.url}/v2`,
    ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
    MONGODB_URI: '',
    SMTP_URL: mailSink.smtpUrl,
    MAIL_FROM: 'Interview CRM (demo) <interviews@demo.example>',
    ...(identityProvider
      ? {
          OIDC_ISSUER_URL: identityProvider.url,
          OIDC_CLIENT_ID: sso.clientId,
          OIDC_CLIENT_SECRET: sso.clientSecret,
          OIDC_REDIRECT_URI: sso.redirectUri,
          OIDC_SCOPES: 'openid email profile groups',
          OIDC_ROLE_MAPPING: DEMO_ROLE_MAPPING,
          OIDC_DEFAULT_ROLE: 'none',
        }
      : {}),
  });
  children.push(api);
  const stopWhenExits = (name: string, child: ChildProcess) =>
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`The ${name} exited (code ${code}); stopping demo mode.`);
        void stop(1);
      }
    });
  stopWhenExits('API', api);

  const webEnv = { WEB_PORT: String(webPort), VITE_API_PROXY_TARGET: `http://127.0.0.1:${apiPort}` };
  let webServer: ChildProcess;
  if (web === 'preview') {
    // Built while the API starts; only the bundler runs (the test command type-checks separately).
    const build = run('web build', ['--filter', '@crm/web', 'exec', 'vite', 'build', '--logLevel', 'warn'], {});
    children.push(build);
    const code = await exited(build);
    if (stopping) return;
    if (code !== 0) {
      console.error(`Building the web app failed (code ${code}); stopping demo mode.`);
      return stop(1);
    }
    webServer = run('web', ['--filter', '@crm/web', 'exec', 'vite', 'preview'], webEnv);
  } else {
    webServer = run('web', ['--filter', '@crm/web', 'dev'], webEnv);
  }
  children.push(webServer);
  stopWhenExits('web app', webServer);

  await waitForHttp(`http://127.0.0.1:${apiPort}/api/health`, 'The API');
  await waitForHttp(webUrl, 'The web app');

  console.log(
    [
      '',
      'Demo mode is running (in-memory store: nothing is persisted). Press Ctrl+C to stop.',
      `  Web app:         ${webUrl}`,
      `  API:             ${apiUrl}  (health: ${apiUrl}/api/health)`,
      `  Zoom simulator:  ${simulator.url}  (inspection: ${simulator.url}/__sim/stats)`,
      `  Mail inbox:      ${mailSink.inboxUrl}  (every email the demo sends; SMTP on ${mailSink.smtpUrl})`,
      ...(identityProvider ? [`  Identity provider: ${identityProvider.url}  ("Sign in with SSO"; also nina.newcomer@example.com, provisioned on first sign-in)`] : []),
      '',
      `Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...DEMO_LOGINS.map(([email, role]) => `  ${email.padEnd(26)} ${role}`),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error('Demo mode failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
