import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { Store } from '../domain/ports/store';
import type { ZoomConnectionDeps } from '../domain/zoom-connection/zoom-connection-deps';
import { ZoomTokenRefresher } from '../domain/zoom-connection/zoom-token-refresher';
import { TokenCipher } from '../security/token-cipher';
import { ZoomApiClient } from './zoom-api-client';
import { ZoomOAuthClient } from './zoom-oauth-client';

/** The Zoom connection lifecycle, wired to the real Zoom clients (or the simulator, by base URL). */
export interface ZoomConnectionServices {
  deps: ZoomConnectionDeps;
  refresher: ZoomTokenRefresher;
  webhookSecretToken: string | null;
}

export function createZoomConnectionServices(env: Env, store: Store, logger: Logger): ZoomConnectionServices {
  const cipher = new TokenCipher(env.TOKEN_ENCRYPTION_KEYS);
  const oauth =
    env.ZOOM_CLIENT_ID && env.ZOOM_CLIENT_SECRET
      ? new ZoomOAuthClient({
          oauthBaseUrl: env.ZOOM_OAUTH_BASE_URL,
          clientId: env.ZOOM_CLIENT_ID,
          clientSecret: env.ZOOM_CLIENT_SECRET,
          redirectUri: env.ZOOM_REDIRECT_URI,
          timeoutMs: env.ZOOM_HTTP_TIMEOUT_MS,
        })
      : null;
  const zoomApi = new ZoomApiClient({ baseUrl: env.ZOOM_API_BASE_URL, timeoutMs: env.ZOOM_HTTP_TIMEOUT_MS, logger });
  const refresher = new ZoomTokenRefresher({
    connections: store.zoomConnections,
    users: store.users,
    audit: store.audit,
    cipher,
    oauth,
    logger,
    // Outlasts one token call, so a lease never lapses while its holder is still waiting on Zoom.
    leaseTtlMs: env.ZOOM_HTTP_TIMEOUT_MS + 10_000,
  });
  return {
    deps: {
      users: store.users,
      audit: store.audit,
      connections: store.zoomConnections,
      oauthStates: store.oauthStates,
      cipher,
      oauth,
      zoomApi,
      stateSecret: env.OAUTH_STATE_SECRET,
      logger,
      now: () => new Date(),
    },
    refresher,
    webhookSecretToken: env.ZOOM_WEBHOOK_SECRET_TOKEN ?? null,
  };
}
