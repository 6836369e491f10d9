import { CSRF_HEADER, type SessionResponse } from '@crm/shared/auth';
import type { CreateInterviewRequest } from '@crm/shared/interviews';

/** A signed-in browser, reduced to its cookie jar and CSRF token; the session works on every API instance. */
export class CrmHttpSession {
  constructor(
    private readonly cookies: Map<string, string>,
    readonly csrfToken: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** What autocannon or fetch send on a state-changing JSON request. */
  jsonHeaders(): Record<string, string> {
    return { cookie: this.cookieHeader(), [CSRF_HEADER]: this.csrfToken, 'content-type': 'application/json' };
  }

  keepCookies(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
}

export async function signIn(apiUrl: string, email: string, password: string): Promise<CrmHttpSession> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as SessionResponse;
  const session = new CrmHttpSession(new Map(), body.csrfToken);
  session.keepCookies(response);
  return session;
}

/** "Connect Zoom" as a browser does it: API → simulator consent page → allow → API callback. */
export async function connectZoom(apiUrl: string, session: CrmHttpSession, zoomUserId: string): Promise<string | null> {
  const started = await fetch(`${apiUrl}/api/zoom/connect`, { headers: { cookie: session.cookieHeader(), accept: 'application/json' } });
  if (started.status !== 200) throw new Error(`GET /api/zoom/connect answered ${started.status}`);
  session.keepCookies(started);
  const authorizeUrl = new URL(((await started.json()) as { authorizeUrl: string }).authorizeUrl);
  const consentPage = await fetch(authorizeUrl);
  if (consentPage.status !== 200) throw new Error(`Zoom consent page answered ${consentPage.status}`);
  await consentPage.arrayBuffer();
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set('zoom_user_id', zoomUserId);
  form.set('decision', 'allow');
  const consent = await fetch(new URL('/oauth/authorize', authorizeUrl.origin), { method: 'POST', body: form, redirect: 'manual' });
  const callbackUrl = new URL(consent.headers.get('location') ?? '');
  const callback = await fetch(`${apiUrl}${callbackUrl.pathname}${callbackUrl.search}`, { headers: { cookie: session.cookieHeader() }, redirect: 'manual' });
  session.keepCookies(callback);
  return new URL(callback.headers.get('location') ?? 'http://invalid/').searchParams.get('zoom');
}

let sequence = 0;
export function interviewBody(interviewerId: string): CreateInterviewRequest {
  sequence += 1;
  return {
    candidateName: `Bench Candidate ${sequence}`,
    candidateEmail: `candidate-${sequence}@candidate.example`,
    position: 'Backend Engineer',
    interviewerId,
    startTime: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    agenda: 'System design and a short coding exercise',
  };
}
