import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { zoomEndpoints } from '@crm/shared/zoom-connection';
import type { AppDeps } from '../app-deps';
import { handleZoomWebhook, type HandleZoomWebhookDeps } from '../domain/zoom-connection/handle-zoom-webhook';
import { AppError } from '../errors/app-error';
import { verifyZoomWebhook } from '../http/middleware/verify-zoom-webhook';
import { SharedRateLimitStore } from '../http/rate-limit/shared-rate-limit-store';
import { requestContext } from '../http/request-context';
import { noContent, route } from '../http/typed-route';
import { answerUrlValidation } from '../zoom/zoom-webhook-signature';

export function zoomWebhookRoutes(deps: AppDeps): Router {
  const router = Router();
  const { webhookSecretToken } = deps.zoomConnection;
  const limiter = rateLimit({
    windowMs: 60 * 1000,
    limit: 600,
    // Shared by every instance, so N instances still allow 600 a minute in all.
    store: new SharedRateLimitStore(deps.store.rateLimits, 'zoom-webhook:'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError({ code: 'rate_limited', status: 429, message: 'Too many webhook deliveries' })),
  });
  const handlerDeps: HandleZoomWebhookDeps = {
    ...deps.zoomConnection.deps,
    zoomClientId: deps.env.ZOOM_CLIENT_ID ?? null,
    // Only reached after verifyZoomWebhook, which refuses every delivery when no secret is configured.
    answerUrlValidation: (plainToken) => answerUrlValidation(webhookSecretToken ?? '', plainToken),
  };

  route(router, zoomEndpoints.webhook, [limiter, verifyZoomWebhook({ secretToken: webhookSecretToken })], async ({ body }, req, res) => {
    const answer = await handleZoomWebhook(handlerDeps, body, requestContext(req));
    return answer ?? noContent(res);
  });
  return router;
}
