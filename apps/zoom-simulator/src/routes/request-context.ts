import type { Request, Response } from 'express';
import type { EndpointKey } from '../endpoint-keys';
import type { RecordedRequest } from '../state/request-log';
import type { TokenPrincipal } from '../state/token-store';

export interface RequestContext {
  endpoint: EndpointKey | 'unknown';
  details: Pick<RecordedRequest, 'zoomUserId' | 'accountId' | 'grantType' | 'tokenKind' | 'faultId'>;
  principal?: TokenPrincipal;
}

export function requestContext(res: Response): RequestContext {
  return res.locals.sim as RequestContext;
}

export function setRequestContext(res: Response, context: RequestContext): void {
  res.locals.sim = context;
}

/** The simulator's own origin, as the caller reached it; used for api_url, join_url and start_url. */
export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

export function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Path without the query string (which can carry codes), as the client sent it, mount prefix included. */
export function pathOf(req: Request): string {
  return req.originalUrl.split('?')[0] ?? req.path;
}
