import { Router, type CookieOptions, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { SESSION_COOKIE, loginRequestSchema, type SessionResponse } from '@crm/shared/auth';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors/app-error';
import { logIn } from '../domain/auth/log-in';
import { presentUser } from '../domain/users/present-user';
import { parseInput } from '../http/parse-request';
import { requireSession } from '../http/request-context';
import { requireSignedIn } from '../http/middleware/require-role';
import { issueSessionToken, type SessionClaims } from '../security/session-tokens';
import { sessionTokenOptions } from '../security/session-token-options';
import type { UserRecord } from '../domain/ports/user-repository';

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
      const email: unknown = req.body?.email;
      return `${ipKeyGenerator(req.ip ?? '')}|${typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : ''}`;
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new AppError({ code: 'rate_limited', status: 429, message: 'Too many sign-in attempts; wait a few minutes and try again' })),
  });

  router.post('/api/auth/login', loginLimiter, async (req, res: Response<SessionResponse>) => {
    const input = parseInput(loginRequestSchema, req.body);
    const user = await logIn({ users: deps.store.users, passwords: deps.passwords }, input);
    const { token, claims } = issueSessionToken(sessionTokenOptions(deps.env), user);
    req.log.info({ userId: user.id }, 'signed in');
    res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(deps), maxAge: deps.env.SESSION_TTL_MINUTES * 60_000 });
    res.json(sessionResponse(user, claims));
  });

  router.post('/api/auth/logout', (req, res) => {
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
    res.status(204).end();
  });

  router.get('/api/auth/me', requireSignedIn, async (req, res: Response<SessionResponse>) => {
    const session = requireSession(req);
    const user = await deps.store.users.findById(session.userId);
    // A session for a user that no longer exists is as good as no session.
    if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' });
    res.json(sessionResponse(user, session));
  });

  return router;
}
