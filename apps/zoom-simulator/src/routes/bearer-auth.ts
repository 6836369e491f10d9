import type { RequestHandler, Response } from 'express';
import type { EndpointKey } from '../endpoint-keys';
import { missingScopesFor } from '../scopes';
import type { SimulatorState } from '../state/simulator-state';
import type { TokenPrincipal } from '../state/token-store';
import { invalidAccessToken, missingScopes } from '../zoom-error-bodies';
import { requestContext } from './request-context';

/** Missing, unknown, expired and revoked tokens all get Zoom's 401 code 124. */
export function requireAccessToken(state: SimulatorState): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const principal = match?.[1] === undefined ? undefined : state.tokens.authenticate(match[1]);
    if (!principal) return void res.status(401).json(invalidAccessToken());
    const context = requestContext(res);
    context.principal = principal;
    context.details.tokenKind = principal.kind;
    context.details.accountId = principal.accountId;
    context.details.zoomUserId = principal.zoomUserId;
    next();
  };
}

/** The authenticated principal if its token carries a scope for this endpoint; otherwise answers and returns undefined. */
export function principalWithScope(res: Response, endpoint: EndpointKey): TokenPrincipal | undefined {
  const principal = requestContext(res).principal;
  if (!principal) {
    res.status(401).json(invalidAccessToken());
    return undefined;
  }
  const missing = missingScopesFor(endpoint, principal.scopes);
  if (missing) {
    res.status(400).json(missingScopes(missing));
    return undefined;
  }
  return principal;
}
