import { request, type BrowserContextOptions } from '@playwright/test';
import { DEMO_PASSWORD, webUrl } from './demo-stack';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/** The web app's "this browser signed in" flag (apps/web/src/features/auth/api/session-hint.ts). */
const SESSION_HINT = { name: 'crm.signed-in', value: '1' };

/**
 * A signed-in browser's storage, got by the API's own sign-in (through the web server's /api proxy, as the
 * page would): the session cookie and the web app's session flag. Tests that are not about signing in start
 * from it instead of loading and filling the sign-in page; the sign-in page itself is driven by its own specs.
 */
export async function signedInState(email: string): Promise<StorageState> {
  // The API refuses state-changing requests from any origin but the web app's, as it would a cross-site form.
  const api = await request.newContext({ baseURL: webUrl, extraHTTPHeaders: { origin: webUrl } });
  try {
    const response = await api.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
    if (!response.ok()) throw new Error(`signing in ${email} answered ${response.status()}: ${await response.text()}`);
    const { cookies } = await api.storageState();
    return { cookies, origins: [{ origin: webUrl, localStorage: [SESSION_HINT] }] };
  } finally {
    await api.dispose();
  }
}
