import type { ZoomUrlValidationResponse, ZoomWebhookEvent } from '@crm/shared/zoom-connection';
import { deauthorizeZoomUser } from './deauthorize-zoom-user';

type DeauthorizeDeps = Parameters<typeof deauthorizeZoomUser>[0];
type AuditContext = Parameters<typeof deauthorizeZoomUser>[2];

export interface HandleZoomWebhookDeps extends DeauthorizeDeps {
  /** Our OAuth app's client id, when configured: deauthorizations for another app on the same endpoint are ignored. */
  zoomClientId: string | null;
  /** Zoom's URL-validation challenge, answered with the webhook secret (held by the Zoom adapter, not here). */
  answerUrlValidation: (plainToken: string) => ZoomUrlValidationResponse;
}

/**
 * Acts on an event whose signature the HTTP edge has already verified. Returns the body Zoom expects,
 * or null for a bare acknowledgement; events the CRM does not handle are acknowledged so Zoom does not retry them.
 */
export async function handleZoomWebhook(deps: HandleZoomWebhookDeps, event: ZoomWebhookEvent, context: AuditContext): Promise<ZoomUrlValidationResponse | null> {
  switch (event.event) {
    case 'endpoint.url_validation':
      return deps.answerUrlValidation(event.payload.plainToken);
    case 'app_deauthorized': {
      const { payload } = event;
      if (payload.client_id && deps.zoomClientId && payload.client_id !== deps.zoomClientId) return null;
      await deauthorizeZoomUser(
        deps,
        { zoomUserId: payload.user_id, zoomAccountId: payload.account_id ?? null, deauthorizedAt: payload.deauthorization_time ?? null },
        context,
      );
      return null;
    }
    case 'unhandled':
      return null;
  }
}
