import express, { Router } from 'express';
import type { SimulatorState } from '../state/simulator-state';
import { appDeauthorizedEvent } from '../webhooks/app-deauthorized-event';
import { invalidClient, invalidOAuthRequest } from '../zoom-error-bodies';
import { authenticateClient } from './client-credentials';
import { requestContext, stringParam } from './request-context';

export function oauthRevokeRouter(state: SimulatorState): Router {
  const router = Router();

  router.post('/oauth/revoke', express.urlencoded({ extended: false }), (req, res) => {
    // Zoom no longer accepts tokens in URL query strings.
    if (req.query.token !== undefined) {
      return res.status(400).json(invalidOAuthRequest('Invalid request : token must be sent in the request body, not the query string.'));
    }
    const client = authenticateClient(req.get('authorization'), state.options);
    if (!client) return res.status(401).json(invalidClient());

    const token = stringParam((req.body as Record<string, unknown> | undefined)?.token);
    if (!token) return res.status(400).json(invalidOAuthRequest('Invalid request : Missing token'));

    const principal = state.tokens.revokeByToken(token, client.clientId);
    if (!principal) return res.status(400).json(invalidOAuthRequest('Invalid Token!'));
    const context = requestContext(res);
    context.details.zoomUserId = principal.zoomUserId;
    context.details.accountId = principal.accountId;
    context.details.tokenKind = principal.kind;

    const deauthorization = state.policy.revokeDeauthorization;
    const url = state.options.webhook.url;
    if (deauthorization && principal.kind === 'user' && url !== undefined) {
      // At Zoom, revoking uninstalls the app for that user: every grant goes, and the app is told.
      state.tokens.revokeUserGrants(principal.zoomUserId, principal.clientId);
      const event = appDeauthorizedEvent({ accountId: principal.accountId, userId: principal.zoomUserId, clientId: principal.clientId, nowMs: state.now() });
      state.webhooks.schedule({ url, secretToken: state.options.webhook.secretToken, event }, deauthorization.delayMs);
    }
    res.json({ status: 'success' });
  });

  return router;
}
