import { Router, type CookieOptions, type Response } from 'express';
import { SESSION_COOKIE, authEndpoints, type SessionResponse } from '@crm/shared/auth';
import type { AppDeps } from '../app-deps';
import { changePassword } from '../domain/auth/change-password';
import { endAllSessions } from '../domain/auth/end-all-sessions';
import { getSignedInUser } from '../domain/auth/get-signed-in-user';
import { logIn } from '../domain/auth/log-in';
import type { UserRecord } from '../domain/ports/user-repository';
import { presentUser } from '../domain/users/present-user';
import { requestContext, requireSession } from '../http/request-context';
import { loginThrottle, passwordChangeThrottle } from '../http/middleware/login-throttle';
import { requireSignedIn } from '../http/middleware/require-role';
import { noContent, route } from '../http/typed-route';
import { issueSessionToken, type SessionClaims } from '../security/session-tokens';
import { sessionTokenOptions } from '../security/session-token-options';
import { userEndpoints } from '@crm/shared/users';
import { setPasswordFromInvite } from '../domain/users/set-password-from-invite';
import { inviteDeps } from './admin-user-routes';

export function sessionCookieOptions(deps: AppDeps): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: deps.env.NODE_ENV === 'production', path: '/' };
}

function sessionResponse(user: UserRecord, claims: SessionClaims): SessionResponse {
  return { user: presentUser(user), expiresAt: claims.expiresAt.toISOString(), csrfToken: claims.csrf };
}

/** The session is an HTTP credential: issued at the edge, as a cookie (password sign-in and SSO alike). */
export function issueSessionCookie(deps: AppDeps, res: Response, user: UserRecord): SessionResponse {
  const { token, claims } = issueSessionToken(sessionTokenOptions(deps.env), user);
  res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(deps), maxAge: deps.env.SESSION_TTL_MINUTES * 60_000 });
  return sessionResponse(user, claims);
}

export function authRoutes(deps: AppDeps): Router {
  const router = Router();
  const loginLimits = loginThrottle({ env: deps.env, counters: deps.store.rateLimits, clock: deps.clock });
  const passwordChangeLimit = passwordChangeThrottle({ env: deps.env, counters: deps.store.rateLimits });
  const issueSession = (res: Response, user: UserRecord) => issueSessionCookie(deps, res, user);

  route(router, authEndpoints.login, loginLimits, async ({ body }, req, res) => {
    const user = await logIn(
      { users: deps.store.users, passwords: deps.passwords, audit: deps.store.audit, clock: deps.clock, passwordLoginEnabled: deps.env.PASSWORD_LOGIN },
      body,
      requestContext(req),
    );
    req.log.info({ userId: user.id }, 'signed in');
    return issueSession(res, user);
  });

  route(router, authEndpoints.logout, (_input, _req, res) => {
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
    return noContent(res);
  });

  route(router, authEndpoints.me, [requireSignedIn], async (_input, req) => {
    const session = requireSession(req);
    return sessionResponse(await getSignedInUser(deps.store.users, session.userId), session);
  });

  route(router, authEndpoints.signOutEverywhere, [requireSignedIn], async (_input, req, res) => {
    const session = requireSession(req);
    await endAllSessions({ users: deps.store.users, audit: deps.store.audit }, session.userId, requestContext(req));
    deps.sessions.forget(session.userId);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
    return noContent(res);
  });

  route(router, authEndpoints.changePassword, [requireSignedIn, passwordChangeLimit], async ({ body }, req, res) => {
    const session = requireSession(req);
    const user = await changePassword({ users: deps.store.users, audit: deps.store.audit, passwords: deps.passwords }, session.userId, body, requestContext(req));
    deps.sessions.forget(user.id);
    return issueSession(res, user);
  });

  route(router, userEndpoints.setPassword, async ({ body }, req, res) => {
    await setPasswordFromInvite(inviteDeps(deps), body, requestContext(req));
    return noContent(res);
  });

  return router;
}
