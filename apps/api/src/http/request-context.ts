import type { Request } from 'express';
import type { SessionClaims, SessionProblem } from '../security/session-tokens';
import { AppError } from '../errors/app-error';
import type { RequestContext } from '../domain/ports/request-context';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: SessionClaims;
      /** Why a session cookie that was sent was not accepted. */
      sessionProblem?: SessionProblem;
      rawBody?: Buffer;
    }
  }
}

export function requestContext(req: Request): RequestContext {
  return { requestId: typeof req.id === 'string' ? req.id : null, ip: req.ip ?? null, actorUserId: req.session?.userId ?? null };
}

export function requireSession(req: Request): SessionClaims {
  if (!req.session) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' });
  return req.session;
}
