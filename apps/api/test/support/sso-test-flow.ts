import type request from 'supertest';
import { CSRF_HEADER } from '@crm/shared/auth';
import { DEMO_IDENTITY_PASSWORD } from '@crm/demo-identity-provider/users';

type Agent = ReturnType<typeof request.agent>;

/** A browser's cookie jar for the identity provider alone (its cookies must not mix with the API's). */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }

  /** Follows the provider's redirects until one leaves it (the CRM's callback), signing in on the way. */
  async signInAndReturn(authorizeUrl: string, email: string, issuer: string): Promise<string> {
    let url = authorizeUrl;
    for (let hop = 0; hop < 12; hop += 1) {
      if (!url.startsWith(issuer)) return url;
      const response = await this.fetch(url);
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).toString();
        continue;
      }
      const html = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no login form at ${url} (${response.status}): ${html.slice(0, 300)}`);
      const posted = await this.fetch(new URL(action, url).toString(), { method: 'POST', form: { email, password: DEMO_IDENTITY_PASSWORD } });
      if (posted.status < 300 || posted.status >= 400) throw new Error(`login refused (${posted.status}): ${(await posted.text()).slice(0, 300)}`);
      url = new URL(posted.headers.get('location')!, url).toString();
    }
    throw new Error('too many redirects at the identity provider');
  }
}

/** Starts SSO on the CRM (the agent keeps the signed attempt cookie); the provider's authorize URL and that cookie. */
export async function beginSso(agent: Agent): Promise<{ authorizeUrl: string; attemptCookie: string }> {
  const response = await agent.get('/api/auth/sso/start').expect(302);
  const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const attemptCookie = setCookies.find((cookie) => cookie.startsWith('crm_sso_attempt='))?.split(';')[0] ?? '';
  return { authorizeUrl: response.headers.location!, attemptCookie };
}

/** Delivers the provider's redirect to the CRM; returns where the CRM sends the browser. */
export async function finishSso(agent: Agent, callbackUrl: string): Promise<URL> {
  const url = new URL(callbackUrl);
  const response = await agent.get(url.pathname + url.search).expect(302);
  const location = new URL(response.headers.location!);
  return location;
}

/** After a successful callback, the agent's session works like the web app's (CSRF header from /me). */
export async function sessionOf(agent: Agent): Promise<{ status: number; body: { user?: { email: string; role: string }; csrfToken?: string } }> {
  const response = await agent.get('/api/auth/me');
  if (response.status === 200) agent.set(CSRF_HEADER, (response.body as { csrfToken: string }).csrfToken);
  return { status: response.status, body: response.body as never };
}
