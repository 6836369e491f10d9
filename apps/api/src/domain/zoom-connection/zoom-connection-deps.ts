import type { Logger } from 'pino';
import type { TokenCipher } from '../../security/token-cipher';
import type { ZoomApiClient } from '../../zoom/zoom-api-client';
import type { ZoomOAuthClient } from '../../zoom/zoom-oauth-client';
import type { AuditRepository } from '../ports/audit-repository';
import type { OAuthStateRepository } from '../ports/oauth-state-repository';
import type { UserRepository } from '../ports/user-repository';
import type { ZoomConnectionRepository } from '../ports/zoom-connection-repository';

/** What the connection use cases need; wired once in create-zoom-connection-services.ts. */
export interface ZoomConnectionDeps {
  users: UserRepository;
  audit: AuditRepository;
  connections: ZoomConnectionRepository;
  oauthStates: OAuthStateRepository;
  cipher: TokenCipher;
  /** Null when ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET are not configured. */
  oauth: ZoomOAuthClient | null;
  zoomApi: Pick<ZoomApiClient, 'getCurrentUser'>;
  stateSecret: string;
  logger: Logger;
  now: () => Date;
}

/** Plain-words reasons shown to the user and admins as the connection's last problem. */
export const CONNECTION_PROBLEMS = {
  refreshRejected: 'Zoom no longer accepts this connection (it was renewed or revoked outside the CRM). Reconnect to keep hosting.',
  removedInZoom: 'The CRM app was removed from this Zoom account in Zoom. Connect again to host from your own Zoom account.',
  disconnectedByAdmin: 'An administrator disconnected this Zoom account.',
} as const;

export const TOKEN_FIELDS = { access: 'zoomAccessToken', refresh: 'zoomRefreshToken', verifier: 'pkceCodeVerifier' } as const;
