import type { RequestHandler } from 'express';
import type { Role } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';

/**
 * The route-level role gate: a signed-in user whose role is listed, or 401/403. Which records a role may
 * see (an interviewer only their own interviews, start URLs only for whoever hosts) is decided per record
 * by the use cases in src/domain, which are given the viewer.
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.session) {
      return next(
        req.sessionProblem === 'expired'
          ? new AppError({ code: 'session_expired', status: 401, message: 'Your session has expired; sign in again' })
          : req.sessionProblem === 'ended'
            ? new AppError({ code: 'unauthenticated', status: 401, message: 'This session was ended; sign in again' })
            : new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' }),
      );
    }
    if (roles.length > 0 && !roles.includes(req.session.role)) {
      return next(new AppError({ code: 'forbidden', status: 403, message: 'Your role does not allow this' }));
    }
    next();
  };
}

export const requireSignedIn = requireRole();
