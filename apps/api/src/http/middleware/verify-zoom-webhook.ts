import type { RequestHandler } from 'express';
import { AppError } from '../../errors/app-error';
import { verifyZoomWebhookSignature } from '../../zoom/zoom-webhook-signature';

/**
 * Lets a webhook through only when Zoom signed its exact bytes recently; nothing of the body is read
 * before that. Without a configured secret token no delivery can be trusted, so all are refused.
 */
export function verifyZoomWebhook(options: { secretToken: string | null; now?: () => Date }): RequestHandler {
  const now = options.now ?? (() => new Date());
  return (req, _res, next) => {
    if (!options.secretToken) {
      return next(new AppError({ code: 'zoom_not_configured', status: 503, message: 'ZOOM_WEBHOOK_SECRET_TOKEN is not configured' }));
    }
    const verified = verifyZoomWebhookSignature({
      secretToken: options.secretToken,
      timestamp: req.get('x-zm-request-timestamp'),
      signature: req.get('x-zm-signature'),
      rawBody: req.rawBody,
      now: now(),
    });
    if (!verified.ok) {
      req.log.warn({ reason: verified.reason }, 'Zoom webhook refused');
      return next(new AppError({ code: 'webhook_signature_invalid', status: 401, message: 'The webhook signature is missing, wrong or stale' }));
    }
    next();
  };
}
