import { createHash } from 'node:crypto';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { zoomEndpoints } from '@crm/shared/zoom-connection';
import type { AppDeps } from '../app-deps';
import { handleZoomWebhook, type HandleZoomWebhookDeps } from '../domain/zoom-connection/handle-zoom-webhook';
import { AppError } from '../errors/app-error';
import { verifyZoomWebhook } from '../http/middleware/verify-zoom-webhook';
import { SharedRateLimitStore } from '../http/rate-limit/shared-rate-limit-store';
import { requestContext } from '../http/request-context';
import { requireRole } from '../http/middleware/require-role';
import { noContent, route } from '../http/typed-route';
import { answerUrlValidation } from '../zoom/zoom-webhook-signature';

/** Resolves after `ms` or when `work` settles, whichever is first; never rejects. */
function within(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function zoomWebhookRoutes(deps: AppDeps): Router {
  const router = Router();
  const { webhookSecretToken } = deps.zoomConnection;
  const limiter = rateLimit({
    windowMs: 60 * 1000,
    limit: deps.env.ZOOM_WEBHOOK_RATE_LIMIT_PER_MINUTE,
    // Shared by every instance, so N instances still allow this many a minute in all.
    store: new SharedRateLimitStore(deps.store.rateLimits, 'zoom-webhook:'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError({ code: 'rate_limited', status: 429, message: 'Too many webhook deliveries' })),
  });
  const { zoomEvents } = deps;
  const handlerDeps: HandleZoomWebhookDeps = {
    events: zoomEvents.deps.events,
    counters: zoomEvents.counters,
    clock: zoomEvents.deps.clock,
    logger: deps.logger,
    // Only reached after verifyZoomWebhook, which refuses every delivery when no secret is configured.
    answerUrlValidation: (plainToken) => answerUrlValidation(webhookSecretToken ?? '', plainToken),
    sealDownloadToken: (eventKey, token) => zoomEvents.deps.secrets.sealDownloadToken(eventKey, token),
  };

  route(router, zoomEndpoints.webhook, [limiter, verifyZoomWebhook({ secretToken: webhookSecretToken, now: deps.clock.now })], async ({ body }, req, res) => {
    const bodyDigest = createHash('sha256').update(req.rawBody ?? '').digest('hex');
    const { answer, recordedEventId } = await handleZoomWebhook(handlerDeps, body, { bodyDigest, context: requestContext(req) });
    if (recordedEventId && zoomEvents.processOnReceipt) {
      // The event is durable already; a quick one is finished before Zoom hears back, a slow one continues after.
      await within(zoomEvents.processor.processNow(recordedEventId), zoomEvents.answerBudgetMs);
    }
    return answer ?? noContent(res);
  });
  route(router, zoomEndpoints.adminZoomEvents, [requireRole('admin')], async () => ({
    stored: await zoomEvents.deps.events.counts(),
    sinceStart: zoomEvents.counters.snapshot(),
  }));
  return router;
}
