import type { RequestHandler } from 'express';
import type { Role } from '@crm/shared/auth';
import { AppError } from '../../errors/app-error';

/** The single place roles are enforced: a signed-in user whose role is listed, or 401/403. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.session) {
      return next(
        req.sessionProblem === 'expired'
          ? new AppError({ code: 'session_expired', status: 401, message: 'Your session has expired; sign in again' })
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
