// The session cookie is httpOnly, so the page cannot see whether one exists. This flag (no secret in
// it) remembers that this browser signed in, so a signed-out visit does not ask the API and get a 401,
// which browsers log as a console error on every page. A stale flag only costs one request.
// Exported for the build, whose early script reads it before the app's code has loaded (vite.config.ts).
export const SESSION_HINT_KEY = 'crm.signed-in';

export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return true; // storage blocked: ask the API as before
  }
}

export function rememberSession(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SESSION_HINT_KEY, '1');
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // storage blocked: every visit asks the API
  }
}
