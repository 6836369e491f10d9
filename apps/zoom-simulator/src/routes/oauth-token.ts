import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { appScope } from '../scopes';
import type { AuthorizationCodeGrant, IssuedTokens } from '../state/token-store';
import type { SimulatorState } from '../state/simulator-state';
import {
  invalidAuthorizationCode,
  invalidClient,
  invalidOAuthRequest,
  invalidRefreshToken,
  unsupportedGrantType,
  type ZoomOAuthError,
} from '../zoom-error-bodies';
import { authenticateClient } from './client-credentials';
import { baseUrlOf, requestContext, stringParam } from './request-context';

const KNOWN_GRANT_TYPES = ['authorization_code', 'refresh_token', 'account_credentials'];

export function oauthTokenRouter(state: SimulatorState): Router {
  const router = Router();

  router.post('/oauth/token', express.urlencoded({ extended: false }), (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    // Zoom's S2S docs put grant_type and account_id in the query string; secrets are read from the body only.
    const grantType = stringParam(form.grant_type) ?? stringParam(req.query.grant_type) ?? '';
    const context = requestContext(res);
    if (KNOWN_GRANT_TYPES.includes(grantType)) context.details.grantType = grantType;

    const fail = (status: number, body: ZoomOAuthError) => {
      state.log.recordTokenRequest(grantType, false);
      res.status(status).set('Cache-Control', 'no-store').json(body);
    };
    const succeed = (tokens: IssuedTokens) => {
      state.log.recordTokenRequest(grantType, true);
      context.details.zoomUserId = tokens.principal.zoomUserId;
      context.details.accountId = tokens.principal.accountId;
      context.details.tokenKind = tokens.principal.kind;
      res.set('Cache-Control', 'no-store').json({
        access_token: tokens.accessToken,
        token_type: 'bearer',
        ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
        expires_in: tokens.expiresIn,
        scope: tokens.scope,
        api_url: baseUrlOf(req),
      });
    };

    const client = authenticateClient(req.get('authorization'), state.options);
    if (!client) return fail(401, invalidClient());

    switch (grantType) {
      case 'authorization_code': {
        if (client.app !== 'user') return fail(400, unsupportedGrantType());
        const outcome = exchangeCode(state, form, client.clientId);
        return 'error' in outcome ? fail(400, outcome.error) : succeed(outcome.tokens);
      }
      case 'refresh_token': {
        if (client.app !== 'user') return fail(400, unsupportedGrantType());
        const tokens = state.tokens.refresh(stringParam(form.refresh_token) ?? '', client.clientId);
        return tokens ? succeed(tokens) : fail(400, invalidRefreshToken());
      }
      case 'account_credentials': {
        if (client.app !== 'server-to-server') return fail(400, unsupportedGrantType());
        const accountId = stringParam(form.account_id) ?? stringParam(req.query.account_id);
        if (accountId !== state.options.serverToServerApp.accountId) {
          return fail(400, invalidOAuthRequest('Invalid request : account_id does not match this app.'));
        }
        const owner = state.users.ownerOf(accountId);
        return succeed(state.tokens.createAccountToken({ clientId: client.clientId, ownerId: owner?.id ?? '', accountId, scope: appScope(state.policy.scopeStyle, 'account') }));
      }
      default:
        return fail(400, unsupportedGrantType());
    }
  });

  return router;
}

function exchangeCode(
  state: SimulatorState,
  form: Record<string, unknown>,
  clientId: string,
): { tokens: IssuedTokens } | { error: ZoomOAuthError } {
  const grant = state.tokens.takeAuthorizationCode(stringParam(form.code) ?? '');
  if (!grant || grant.used || state.tokens.isExpired(grant) || grant.clientId !== clientId) return { error: invalidAuthorizationCode() };
  if (stringParam(form.redirect_uri) !== grant.redirectUri) return { error: { reason: 'Invalid redirect_uri', error: 'invalid_grant' } };
  if (!verifierMatches(grant, stringParam(form.code_verifier))) return { error: { reason: 'Invalid code_verifier', error: 'invalid_grant' } };
  return {
    tokens: state.tokens.createUserGrant({ clientId, zoomUserId: grant.zoomUserId, accountId: grant.accountId, scope: grant.scope }),
  };
}

function verifierMatches(grant: AuthorizationCodeGrant, verifier: string | undefined): boolean {
  if (grant.codeChallenge === undefined) return true;
  if (verifier === undefined) return false;
  const computed = grant.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  return computed === grant.codeChallenge;
}
