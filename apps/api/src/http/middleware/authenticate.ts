import type { RequestHandler } from 'express';
import { SESSION_COOKIE } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';
import { createSessionVerifier, type SessionTokenOptions } from '../../security/session-tokens';

/** Reads the session cookie when present; routes decide whether a session is required. */
export function readSession(options: SessionTokenOptions): RequestHandler {
  const verifySession = createSessionVerifier(options);
  return (req, _res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token === '') return next();
    const verified = verifySession(token);
    if (verified.ok) {
      req.session = verified.claims;
      return next();
    }
    next(
      verified.reason === 'expired'
        ? new AppError({ code: 'session_expired', status: 401, message: 'Your session has expired; sign in again' })
        : new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' }),
    );
  };
}
