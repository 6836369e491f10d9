import express, { Router, type Response } from 'express';
import { renderConsentPage } from '../pages/consent-page';
import { renderErrorPage } from '../pages/error-page';
import { appScope, requestedScope } from '../scopes';
import type { SimulatorState } from '../state/simulator-state';
import { requestContext, stringParam } from './request-context';

// A type alias, not an interface, so Object.entries() sees its values as strings rather than `any`.
type AuthorizeParams = {
  response_type: string;
  client_id: string;
  redirect_uri: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: 'S256' | 'plain';
};

type ParamsCheck = { ok: true; params: AuthorizeParams } | { ok: false; message: string };

export function oauthAuthorizeRouter(state: SimulatorState): Router {
  const router = Router();

  router.get('/oauth/authorize', (req, res) => {
    const check = checkAuthorizeParams(req.query, state);
    if (!check.ok) return sendErrorPage(res, check.message);
    const scope = grantedScope(state, req.query.scope);
    if (scope === undefined) return sendErrorPage(res, INVALID_SCOPE);
    const hiddenParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(check.params)) if (value !== undefined) hiddenParams[key] = value;
    const requested = stringParam(req.query.scope);
    if (requested) hiddenParams.scope = requested;
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(renderConsentPage({ users: state.users.all(), hiddenParams, scopes: scope.split(' ') }));
  });

  router.post('/oauth/authorize', express.urlencoded({ extended: false }), (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const check = checkAuthorizeParams(form, state);
    if (!check.ok) return sendErrorPage(res, check.message);
    const { params } = check;
    const scope = grantedScope(state, form.scope);
    if (scope === undefined) return sendErrorPage(res, INVALID_SCOPE);

    if (form.decision !== 'allow') {
      return res.redirect(302, redirectWith(params.redirect_uri, { error: 'access_denied', state: params.state }));
    }
    const user = state.users.byId(stringParam(form.zoom_user_id) ?? '');
    if (!user) return sendErrorPage(res, 'Choose a Zoom account to sign in as.');

    const context = requestContext(res);
    context.details.zoomUserId = user.id;
    context.details.accountId = user.accountId;
    // Zoom revokes a user's earlier tokens for the app when they authorize it again.
    state.tokens.revokeUserGrants(user.id, params.client_id);
    const code = state.tokens.issueAuthorizationCode({
      clientId: params.client_id,
      redirectUri: params.redirect_uri,
      zoomUserId: user.id,
      accountId: user.accountId,
      scope,
      ...(params.code_challenge === undefined ? {} : { codeChallenge: params.code_challenge, codeChallengeMethod: params.code_challenge_method ?? 'S256' }),
    });
    res.redirect(302, redirectWith(params.redirect_uri, { code, state: params.state }));
  });

  return router;
}

const INVALID_SCOPE = 'Invalid scope: the app is not configured with every scope this request names.';

/** The `scope` parameter narrows consent to scopes the app has; without one the user grants all of them. */
function grantedScope(state: SimulatorState, requested: unknown): string | undefined {
  return requestedScope(stringParam(requested), appScope(state.policy.scopeStyle, 'user'));
}

function checkAuthorizeParams(source: Record<string, unknown>, state: SimulatorState): ParamsCheck {
  const clientId = stringParam(source.client_id);
  const redirectUri = stringParam(source.redirect_uri);
  const responseType = stringParam(source.response_type);
  const codeChallenge = stringParam(source.code_challenge);
  const method = stringParam(source.code_challenge_method);
  const { userApp } = state.options;

  if (clientId !== userApp.clientId) return { ok: false, message: 'Invalid client_id: this app is not registered with Zoom.' };
  // An unregistered redirect_uri must never be redirected to: it would hand the code to whoever named it.
  if (redirectUri === undefined || !userApp.redirectUris.includes(redirectUri)) {
    return { ok: false, message: 'Invalid redirect_uri: it does not exactly match a redirect URL registered for this app.' };
  }
  if (responseType !== 'code') return { ok: false, message: 'Invalid response_type: only "code" is supported.' };
  if (codeChallenge !== undefined && method !== 'S256' && method !== 'plain') {
    return { ok: false, message: 'Invalid code_challenge_method: use S256 (or plain, named explicitly).' };
  }
  return {
    ok: true,
    params: {
      response_type: responseType,
      client_id: clientId,
      redirect_uri: redirectUri,
      ...(source.state === undefined ? {} : { state: stringParam(source.state) ?? '' }),
      ...(codeChallenge === undefined ? {} : { code_challenge: codeChallenge, code_challenge_method: method as 'S256' | 'plain' }),
    },
  };
}

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

function sendErrorPage(res: Response, message: string): void {
  res.status(400).type('html').send(renderErrorPage(message));
}
