import type { Secret } from './secret';
import type { StoredZoomConnection } from './zoom-connection-repository';

/** Why no token can be had right now. */
export type AccessTokenProblem = 'not_connected' | 'needs_reconnect' | 'refresh_failed' | 'zoom_unavailable';

export type AccessTokenResult =
  | { ok: true; accessToken: Secret; zoomUserId: string | null; zoomEmail: string | null }
  | { ok: false; reason: AccessTokenProblem };

/**
 * Where a Zoom access token comes from: an interviewer's own connection (refreshed ahead of expiry, one
 * refresh in flight across processes) or the organisation's Server-to-Server app. Meeting code talks to
 * both through this one interface. A source may also throw a ZoomFailure (e.g. the S2S app is misconfigured).
 */
export interface AccessTokenSource {
  /**
   * A usable token; refreshes when near expiry or when forced. `rejected`: the token Zoom just refused.
   * It forces a refresh only while it is still the current token; when someone refreshed meanwhile their
   * newer token is returned, so a storm of 401s costs one refresh.
   */
  getAccessToken(options?: { forceRefresh?: boolean; rejected?: Secret }): Promise<AccessTokenResult>;
  /**
   * Zoom refused `rejected` even after a refresh. A user's connection is marked needs_reconnect with
   * `problem` (only while `rejected` is still its token); a Server-to-Server token is just dropped.
   */
  markRejected(rejected: Secret, problem: string): Promise<void>;
}

/** Every user's Zoom access tokens; `forUser` gives the source for one interviewer. */
export interface UserAccessTokens {
  /**
   * `readAlready`: the connection this request read a moment ago (with the user, one round trip), used
   * for the first token instead of reading it again; refreshes and 401s always read the stored one.
   */
  forUser(userId: string, readAlready?: StoredZoomConnection | null): AccessTokenSource;
}
