import { Router, type CookieOptions } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { SESSION_COOKIE, authEndpoints, type SessionResponse } from '@crm/shared/auth';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors/app-error';
import { getSignedInUser } from '../domain/auth/get-signed-in-user';
import { logIn } from '../domain/auth/log-in';
import type { UserRecord } from '../domain/ports/user-repository';
import { presentUser } from '../domain/users/present-user';
import { requireSession } from '../http/request-context';
import { requireSignedIn } from '../http/middleware/require-role';
import { noContent, route } from '../http/typed-route';
import { issueSessionToken, type SessionClaims } from '../security/session-tokens';
import { sessionTokenOptions } from '../security/session-token-options';

export function sessionCookieOptions(deps: AppDeps): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: deps.env.NODE_ENV === 'production', path: '/' };
}

function sessionResponse(user: UserRecord, claims: SessionClaims): SessionResponse {
  return { user: presentUser(user), expiresAt: claims.expiresAt.toISOString(), csrfToken: claims.csrf };
}

export function authRoutes(deps: AppDeps): Router {
  const router = Router();
  // Failed attempts are counted per address and email: brute force against one account is capped,
  // while colleagues behind the same proxy or NAT do not lock each other out.
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: deps.env.LOGIN_RATE_LIMIT_PER_15_MIN,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
      return `${ipKeyGenerator(req.ip ?? '')}|${typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : ''}`;
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new AppError({ code: 'rate_limited', status: 429, message: 'Too many sign-in attempts; wait a few minutes and try again' })),
  });

  route(router, authEndpoints.login, [loginLimiter], async ({ body }, req, res) => {
    const user = await logIn({ users: deps.store.users, passwords: deps.passwords }, body);
    // The session is an HTTP credential: issued here, at the edge, as a cookie.
    const { token, claims } = issueSessionToken(sessionTokenOptions(deps.env), user);
    req.log.info({ userId: user.id }, 'signed in');
    res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(deps), maxAge: deps.env.SESSION_TTL_MINUTES * 60_000 });
    return sessionResponse(user, claims);
  });

  route(router, authEndpoints.logout, (_input, _req, res) => {
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
    return noContent(res);
  });

  route(router, authEndpoints.me, [requireSignedIn], async (_input, req) => {
    const session = requireSession(req);
    return sessionResponse(await getSignedInUser(deps.store.users, session.userId), session);
  });

  return router;
}
