import type { RequestHandler } from 'express';
import { SESSION_COOKIE } from '@crm/shared/auth';
import { createSessionVerifier, type SessionTokenOptions } from '../../security/session-tokens';

/**
 * Reads the session cookie when present. A cookie that does not verify (expired, forged, signed with a
 * rotated secret) is treated as no session, with the reason kept for requireRole: protected routes
 * still refuse it, while sign-in, sign-out and the Zoom callback keep working, so a stale cookie can
 * never lock anyone out.
 */
export function readSession(options: SessionTokenOptions): RequestHandler {
  const verifySession = createSessionVerifier(options);
  return (req, _res, next) => {
    const token: unknown = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token === '') return next();
    const verified = verifySession(token);
    if (verified.ok) req.session = verified.claims;
    else req.sessionProblem = verified.reason;
    next();
  };
}
