import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { deauthorizeZoomUser } from '../domain/zoom-connection/deauthorize-zoom-user';
import { AppError } from '../errors/app-error';
import { requestContext } from '../http/request-context';
import { answerUrlValidation, verifyZoomWebhookSignature } from '../zoom/zoom-webhook-signature';

const urlValidationSchema = z.object({ event: z.literal('endpoint.url_validation'), payload: z.object({ plainToken: z.string().min(1).max(512) }) });
const deauthorizedSchema = z.object({
  event: z.literal('app_deauthorized'),
  payload: z.object({
    user_id: z.string().min(1).max(100),
    account_id: z.string().max(100).optional(),
    client_id: z.string().max(200).optional(),
    deauthorization_time: z.string().max(100).optional(),
  }),
});

export function zoomWebhookRoutes(deps: AppDeps): Router {
  const router = Router();
  const { webhookSecretToken } = deps.zoomConnection;
  const limiter = rateLimit({
    windowMs: 60 * 1000,
    limit: 600,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError({ code: 'rate_limited', status: 429, message: 'Too many webhook deliveries' })),
  });

  router.post('/api/zoom/webhook', limiter, async (req, res) => {
    if (!webhookSecretToken) {
      throw new AppError({ code: 'zoom_not_configured', status: 503, message: 'ZOOM_WEBHOOK_SECRET_TOKEN is not configured' });
    }
    const verified = verifyZoomWebhookSignature({
      secretToken: webhookSecretToken,
      timestamp: req.get('x-zm-request-timestamp'),
      signature: req.get('x-zm-signature'),
      rawBody: req.rawBody,
      now: new Date(),
    });
    if (!verified.ok) {
      req.log.warn({ reason: verified.reason }, 'Zoom webhook refused');
      throw new AppError({ code: 'webhook_signature_invalid', status: 401, message: 'The webhook signature is missing, wrong or stale' });
    }

    const validation = urlValidationSchema.safeParse(req.body);
    if (validation.success) {
      res.json(answerUrlValidation(webhookSecretToken, validation.data.payload.plainToken));
      return;
    }
    const deauthorized = deauthorizedSchema.safeParse(req.body);
    if (deauthorized.success) {
      const { payload } = deauthorized.data;
      // Another app's deauthorization (same endpoint, different client id) is not ours to act on.
      if (payload.client_id && deps.env.ZOOM_CLIENT_ID && payload.client_id !== deps.env.ZOOM_CLIENT_ID) {
        res.status(204).end();
        return;
      }
      await deauthorizeZoomUser(
        deps.zoomConnection.deps,
        { zoomUserId: payload.user_id, zoomAccountId: payload.account_id ?? null, deauthorizedAt: payload.deauthorization_time ?? null },
        requestContext(req),
      );
      res.status(204).end();
      return;
    }
    // Signed events we do not handle are acknowledged so Zoom does not retry them.
    res.status(204).end();
  });
  return router;
}
