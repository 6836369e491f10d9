import type { Logger } from 'pino';
import type { InterviewDeps } from '../interviews/interview-deps';
import type { UserAccessTokens } from '../ports/access-token-source';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { OAuthStateRepository } from '../ports/oauth-state-repository';
import type { OAuthStateSigner } from '../ports/oauth-state-signer';
import type { SecretVault } from '../ports/secret-vault';
import type { Store } from '../ports/store';
import type { UserRepository } from '../ports/user-repository';
import type { ZoomMeetingsGateway, ZoomOAuthGateway } from '../ports/zoom-gateway';
import type { ZoomConnectionRepository } from '../ports/zoom-connection-repository';

/** What the connection use cases need; wired once by the composition root (src/composition). */
export interface ZoomConnectionDeps {
  users: UserRepository;
  audit: AuditRepository;
  connections: ZoomConnectionRepository;
  oauthStates: OAuthStateRepository;
  secrets: SecretVault;
  /** Null when ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET are not configured. */
  oauth: ZoomOAuthGateway | null;
  zoom: Pick<ZoomMeetingsGateway, 'getCurrentUser'>;
  stateSigner: OAuthStateSigner;
  logger: Logger;
  clock: Clock;
  /** A connection's state change and its audit event are written together (Store.atomically). */
  atomically: Store['atomically'];
  /** A disconnect first moves the user's upcoming meetings to the organisation's account. */
  interviews: InterviewDeps;
  /** Checks another user's connection with Zoom on the spot (same Zoom user connected twice). */
  userAccessTokens: UserAccessTokens;
  /** `ZOOM_USER_ID` and the `ZOOM_FALLBACK_HOSTS` pool: the organisation's fallback hosts (emails or Zoom user ids), never a personal connection. */
  fallbackHostZoomUsers: readonly string[];
}


/** Plain-words reasons shown to the user and admins as the connection's last problem. */
export const CONNECTION_PROBLEMS = {
  refreshRejected: 'Zoom no longer accepts this connection (it was renewed or revoked outside the CRM). Reconnect to keep hosting.',
  removedInZoom: 'The CRM app was removed from this Zoom account in Zoom. Connect again to host from your own Zoom account.',
  disconnectedByAdmin: 'An administrator disconnected this Zoom account.',
} as const;
