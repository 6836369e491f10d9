import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { Clock } from '../domain/ports/clock';
import type { Store } from '../domain/ports/store';
import type { SecretVault } from '../domain/ports/secret-vault';
import { ServerToServerToken } from '../zoom/server-to-server-token';
import { ZoomApiClient } from '../zoom/zoom-api-client';
import { ZoomOAuthClient } from '../zoom/zoom-oauth-client';
import { ZoomRequestPacer } from '../zoom/zoom-request-pacer';

export interface ZoomClients {
  api: ZoomApiClient;
  /** Null when ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET are not configured. */
  oauth: ZoomOAuthClient | null;
  /** The organisation's Server-to-Server token; null when its three variables are not all configured. */
  serverToServer: ServerToServerToken | null;
}

/** Zoom's REST API, the user-level OAuth app and the Server-to-Server app (or the simulator, by base URL). */
export function createZoomClients(env: Env, store: Store, secrets: SecretVault, logger: Logger, clock: Clock): ZoomClients {
  const api = new ZoomApiClient({
    baseUrl: env.ZOOM_API_BASE_URL,
    timeoutMs: env.ZOOM_HTTP_TIMEOUT_MS,
    retry: { maxAttempts: env.ZOOM_HTTP_MAX_ATTEMPTS, baseDelayMs: env.ZOOM_HTTP_RETRY_BASE_MS },
    sleep: clock.sleep,
    now: () => clock.now().getTime(),
    pacer: new ZoomRequestPacer({ plan: env.ZOOM_RATE_LIMIT_PLAN, now: () => clock.now().getTime(), sleep: clock.sleep }),
    logger,
  });
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
  const serverToServer =
    env.ZOOM_ACCOUNT_ID && env.ZOOM_S2S_CLIENT_ID && env.ZOOM_S2S_CLIENT_SECRET
      ? new ServerToServerToken({
          oauthBaseUrl: env.ZOOM_OAUTH_BASE_URL,
          accountId: env.ZOOM_ACCOUNT_ID,
          clientId: env.ZOOM_S2S_CLIENT_ID,
          clientSecret: env.ZOOM_S2S_CLIENT_SECRET,
          timeoutMs: env.ZOOM_HTTP_TIMEOUT_MS,
          cachedSecrets: store.cachedSecrets,
          leases: store.jobLeases,
          secrets,
          logger,
          sleep: clock.sleep,
          now: clock.now,
        })
      : null;
  return { api, oauth, serverToServer };
}
