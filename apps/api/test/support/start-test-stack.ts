import type { Agent, Response } from 'supertest';
import { DEFAULT_SIMULATED_USERS, startZoomSimulator, type RunningZoomSimulator, type ZoomSimulatorOptions } from '@crm/zoom-simulator';
import { ZOOM_CALLBACK_RESULT_PARAM, type ZoomCallbackResult } from '@crm/shared/zoom-connection';
import type { Store } from '../../src/domain/ports/store';
import { startTestApi, type TestApi } from './start-test-api';
import { freePort } from './free-port';
import { TestClock } from './test-clock';

export const TEST_ZOOM_APP = { clientId: 'test-zoom-client-id', clientSecret: 'test-zoom-client-secret-do-not-log-9f3k' } as const;
export const TEST_WEBHOOK_SECRET = 'test-zoom-webhook-secret-token-7d2q';

/** Simulated Zoom users by email, e.g. `SIMULATED_ZOOM_USERS['interviewer@example.com'].id`. */
export const SIMULATED_ZOOM_USERS = Object.fromEntries(DEFAULT_SIMULATED_USERS.map((user) => [user.email, user]));
export const SIMULATED_INTERVIEWER = DEFAULT_SIMULATED_USERS.find((user) => user.email === 'interviewer@example.com')!;

export interface TestStack {
  zoom: RunningZoomSimulator;
  api: TestApi;
  /** The env (overrides) the API was started with; reuse it for more instances. */
  apiEnv: Record<string, string | undefined>;
  /** Another API instance on the same store and simulator, as a second process would be. */
  startAnotherApi(): Promise<TestApi>;
  /** Every secret a leak scan must not find: tokens and codes the simulator issued, and the client secret. */
  secrets(): string[];
  close(): Promise<void>;
}

/**
 * The Zoom simulator plus the API pointed at it. The API's port is chosen first, because the simulator
 * must know the exact redirect URI (and webhook URL) before the API exists. Both run on one test clock.
 * The simulator behaves as Zoom documents (its defaults: Pro per-second limits, start links that expire
 * and are re-minted on read, `app_deauthorized` after a revoke, granular scopes, Zoom's webhook retries);
 * a test that needs one behaviour gentler opts out in `zoom` by name (LENIENT_POLICY's value) and says why.
 */
export async function startTestStack(
  options: {
    env?: Record<string, string | undefined>;
    store?: Store;
    accessTokenTtlSeconds?: number;
    dailyMeetingLimitPerHost?: number;
    zoom?: Pick<ZoomSimulatorOptions, 'now' | 'revokeDeauthorization' | 'rateLimitPlan' | 'singleAccessTokenPerUser' | 'webhookDelivery' | 'dailyLimitResponse' | 'startLinks' | 'scopeStyle' | 'users' | 'concurrentMeetingsPerHost'>;
    /** The simulator also sends meeting.updated / meeting.deleted for the API's own changes, as Zoom does. */
    emitApiChanges?: boolean;
  } = {},
): Promise<TestStack> {
  // The API's port is picked before it listens (the simulator must know its redirect URI first), so another
  // process may take it in between: then everything starts again on a new port.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startTestStackOn(await freePort(), options);
    } catch (error) {
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
}

async function startTestStackOn(port: number, options: Parameters<typeof startTestStack>[0] = {}): Promise<TestStack> {
  const clock = new TestClock();
  const apiUrl = `http://127.0.0.1:${port}`;
  const redirectUri = `${apiUrl}/api/zoom/callback`;
  const zoom = await startZoomSimulator({
    port: 0,
    userApp: { clientId: TEST_ZOOM_APP.clientId, clientSecret: TEST_ZOOM_APP.clientSecret, redirectUris: [redirectUri] },
    ...(options.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: options.accessTokenTtlSeconds }),
    ...(options.dailyMeetingLimitPerHost === undefined ? {} : { dailyMeetingLimitPerHost: options.dailyMeetingLimitPerHost }),
    webhook: { url: `${apiUrl}/api/zoom/webhook`, secretToken: TEST_WEBHOOK_SECRET, ...(options.emitApiChanges ? { emitApiChanges: true } : {}) },
    now: () => clock.now().getTime(),
    ...options.zoom,
  });
  const apiEnv: Record<string, string | undefined> = {
    ZOOM_CLIENT_ID: TEST_ZOOM_APP.clientId,
    ZOOM_CLIENT_SECRET: TEST_ZOOM_APP.clientSecret,
    ZOOM_REDIRECT_URI: redirectUri,
    ZOOM_OAUTH_BASE_URL: zoom.url,
    ZOOM_API_BASE_URL: `${zoom.url}/v2`,
    ZOOM_WEBHOOK_SECRET_TOKEN: TEST_WEBHOOK_SECRET,
    ...options.env,
  };
  let api: TestApi;
  try {
    api = await startTestApi({ env: { ...apiEnv, PORT: String(port) }, clock, ...(options.store ? { store: options.store } : {}) });
  } catch (error) {
    await zoom.close();
    throw error;
  }
  const extra: TestApi[] = [];
  return {
    zoom,
    api,
    apiEnv,
    async startAnotherApi() {
      // Same store and same clock, as two processes on one database and one wall clock.
      const another = await startTestApi({ env: { ...apiEnv, PORT: '0' }, store: api.store, clock: api.clock });
      extra.push(another);
      return another;
    },
    secrets: () => [...zoom.control.issuedSecrets(), TEST_ZOOM_APP.clientSecret],
    async close() {
      for (const other of extra) await other.close();
      await api.close();
      await zoom.close();
    },
  };
}

/**
 * A fresh stack for each test of the enclosing describe; after each test, checks that no token, code or
 * client secret reached a log line, then closes it.
 */
export function useTestStack(options: Parameters<typeof startTestStack>[0] = {}): () => TestStack {
  let stack: TestStack | undefined;
  beforeEach(async () => {
    stack = await startTestStack(options);
  });
  afterEach(async () => {
    const finished = stack;
    stack = undefined;
    if (!finished) return;
    expect(leakedSecrets(finished.api.logs.text(), finished.secrets())).toEqual([]);
    await finished.close();
  });
  return () => {
    if (!stack) throw new Error('useTestStack: the stack is only available inside tests');
    return stack;
  };
}

/** Step 1 of "Connect Zoom": the signed-in agent asks the API where to go; its cookie jar keeps the browser binding. */
export async function beginZoomConnect(agent: Agent): Promise<{ authorizeUrl: string; response: Response }> {
  const response = await agent.get('/api/zoom/connect').set('Accept', 'application/json');
  if (response.status !== 200) throw new Error(`GET /api/zoom/connect answered ${response.status}: ${response.text}`);
  return { authorizeUrl: (response.body as { authorizeUrl: string }).authorizeUrl, response };
}

/** Step 2: the user picks a simulated Zoom account and allows (or denies); returns where Zoom redirects the browser. */
export async function consentAtZoom(
  authorizeUrl: string,
  choice: { zoomUserId?: string; decision?: 'allow' | 'deny' } = {},
): Promise<string> {
  const url = new URL(authorizeUrl);
  const consentPage = await fetch(url);
  if (consentPage.status !== 200) throw new Error(`Zoom consent page answered ${consentPage.status}`);
  const form = new URLSearchParams(url.searchParams);
  form.set('zoom_user_id', choice.zoomUserId ?? SIMULATED_INTERVIEWER.id);
  form.set('decision', choice.decision ?? 'allow');
  const answer = await fetch(new URL('/oauth/authorize', url.origin), { method: 'POST', body: form, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`Zoom consent answered ${answer.status} without a redirect`);
  return location;
}

/** Step 3: the browser follows Zoom's redirect to the API callback; returns the result the API sent it to Account Settings with. */
export async function finishZoomCallback(agent: Agent, callbackUrl: string): Promise<{ result: ZoomCallbackResult | null; response: Response }> {
  const url = new URL(callbackUrl);
  const response = await agent.get(`${url.pathname}${url.search}`);
  if (response.status !== 302) throw new Error(`GET /api/zoom/callback answered ${response.status}: ${response.text}`);
  const location = new URL(response.headers.location ?? '');
  return { result: location.searchParams.get(ZOOM_CALLBACK_RESULT_PARAM) as ZoomCallbackResult | null, response };
}

/** The whole "Connect Zoom" flow over HTTP, as a browser would drive it. */
export async function connectZoom(
  agent: Agent,
  choice: { zoomUserId?: string; decision?: 'allow' | 'deny' } = {},
): Promise<{ result: ZoomCallbackResult | null; responses: Response[] }> {
  const begun = await beginZoomConnect(agent);
  const callbackUrl = await consentAtZoom(begun.authorizeUrl, choice);
  const finished = await finishZoomCallback(agent, callbackUrl);
  return { result: finished.result, responses: [begun.response, finished.response] };
}

/**
 * Everything the in-memory store holds, as one string: every Map and array inside every repository.
 * What a leak scan of "the raw stored documents" reads.
 */
export function rawMemoryStoreText(store: Store): string {
  if (store.kind !== 'memory') throw new Error('rawMemoryStoreText reads the in-memory store only');
  const parts: string[] = [];
  for (const repository of Object.values(store)) {
    if (!repository || typeof repository !== 'object') continue;
    for (const value of Object.values(repository)) {
      if (value instanceof Map) parts.push(JSON.stringify([...value.entries()]));
      else if (Array.isArray(value)) parts.push(JSON.stringify(value));
    }
  }
  return parts.join('\n');
}

/** The secrets (from `stack.secrets()`) that occur in `text`; empty when nothing leaked. */
export function leakedSecrets(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => secret.length >= 8 && text.includes(secret));
}

/** A response as text: status line, headers and body, for leak scans. */
export function responseText(response: Response): string {
  return `${response.status}\n${JSON.stringify(response.headers)}\n${response.text ?? ''}`;
}
