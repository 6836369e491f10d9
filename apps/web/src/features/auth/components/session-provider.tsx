import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginRequest, PublicUser, SessionResponse } from '@crm/shared/auth';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../../lib/api-client';
import { fetchSession } from '../api/fetch-session';
import { mayHaveSession, rememberSession } from '../api/session-hint';

// Loaded on use so the shared auth contract (and zod) stay out of the first paint.
const sessionApi = () => import('../api/session-api');

let firstCheck: Promise<SessionResponse> | null = null;

/**
 * Starts the session check as the app's code runs (main.tsx), not after the first render: every page waits on it.
 * Returns it (null when this browser never signed in), so the landing page's reads can follow it at once.
 */
export function startSessionCheck(): Promise<SessionResponse> | null {
  if (!mayHaveSession()) return null;
  const check = fetchSession();
  check.catch(() => undefined);
  firstCheck = check;
  return check;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason: 'expired' | 'signed_out' | 'initial' }
  | { status: 'error'; error: unknown }
  | { status: 'signed_in'; user: PublicUser; expiresAt: string };

interface SessionContextValue {
  state: SessionState;
  signIn: (credentials: LoginRequest) => Promise<PublicUser>;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

// setTimeout overflows past ~24.8 days; sessions are far shorter, but stay safe.
const MAX_TIMER_MS = 2_147_483_647;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => (mayHaveSession() ? { status: 'loading' } : { status: 'anonymous', reason: 'initial' }));
  const [attempt, setAttempt] = useState(0);

  const accept = useCallback((session: SessionResponse) => {
    rememberSession(true);
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed_in', user: session.user, expiresAt: session.expiresAt });
  }, []);

  const expire = useCallback((reason: 'expired' | 'signed_out') => {
    rememberSession(false);
    setCsrfToken(null);
    setState({ status: 'anonymous', reason });
  }, []);

  useEffect(() => {
    // Never signed in from this browser (attempt 0): nothing to ask; a retry always asks.
    if (attempt === 0 && !mayHaveSession()) return;
    const controller = new AbortController();
    const started = attempt === 0 ? firstCheck : null;
    firstCheck = null;
    const check = started ?? fetchSession(controller.signal);
    check
      .then(accept, (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          rememberSession(false);
          setState({ status: 'anonymous', reason: error.code === 'session_expired' ? 'expired' : 'initial' });
        } else {
          setState({ status: 'error', error });
        }
      });
    return () => controller.abort();
  }, [accept, attempt]);

  useEffect(() => {
    setUnauthenticatedHandler((code) => expire(code === 'session_expired' ? 'expired' : 'signed_out'));
    return () => setUnauthenticatedHandler(null);
  }, [expire]);

  // The session cookie stops working at expiresAt; go to sign-in then rather than on the next failed click.
  const expiresAt = state.status === 'signed_in' ? state.expiresAt : null;
  useEffect(() => {
    if (!expiresAt) return;
    const remaining = new Date(expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => expire('expired'), Math.min(Math.max(remaining, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [expiresAt, expire]);

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      const { logIn } = await sessionApi();
      const session = await logIn(credentials);
      accept(session);
      return session.user;
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    let providerLogout: string | null = null;
    try {
      providerLogout = await (await sessionApi()).logOut();
    } finally {
      expire('signed_out');
    }
    // Signed in by SSO: sign out at the identity provider too, which sends the browser back to /login.
    if (providerLogout) window.location.assign(providerLogout);
  }, [expire]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for screens behind the sign-in guard. */
export function useSignedInUser(): PublicUser {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useSignedInUser needs a signed-in session');
  return state.user;
}
