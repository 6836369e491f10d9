import type { RequestHandler } from 'express';
import { SESSION_COOKIE } from '@crm/shared/auth';
import type { SessionStatusCache } from '../../security/session-status-cache';
import { createSessionVerifier, type SessionTokenOptions } from '../../security/session-tokens';

/**
 * Reads the session cookie when present. A cookie that does not verify (expired, forged, signed with a
 * rotated secret) or whose session was ended (sign-out everywhere, password or role change,
 * deactivation) is treated as no session, with the reason kept for requireRole: protected routes still
 * refuse it, while sign-in, sign-out and the Zoom callback keep working, so a stale cookie can never
 * lock anyone out.
 */
export function readSession(options: SessionTokenOptions, sessions: SessionStatusCache): RequestHandler {
  const verifySession = createSessionVerifier(options);
  return async (req, _res, next) => {
    const token: unknown = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token === '') return next();
    const verified = verifySession(token);
    if (!verified.ok) req.sessionProblem = verified.reason;
    else if (await sessions.isCurrent(verified.claims)) req.session = verified.claims;
    else req.sessionProblem = 'ended';
    next();
  };
}
