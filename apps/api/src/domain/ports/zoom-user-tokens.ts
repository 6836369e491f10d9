import type { ZoomSecret } from '../../zoom/zoom-secret';

export type UserAccessTokenResult =
  | { ok: true; accessToken: ZoomSecret; zoomUserId: string; zoomEmail: string | null }
  | { ok: false; reason: 'not_connected' | 'needs_reconnect' | 'refresh_failed' | 'zoom_unavailable' };

/**
 * What meeting code needs from a user's Zoom connection. Implemented by the connection lifecycle
 * (refresh-ahead-of-expiry, one refresh in flight per user across processes).
 */
export interface ZoomUserTokens {
  /**
   * A usable access token for the user's own Zoom account; refreshes when near expiry or when forced.
   * `rejected`: the token Zoom just refused. It forces a refresh only while it is still the stored token;
   * when someone refreshed meanwhile their newer token is returned, so a storm of 401s costs one refresh.
   */
  getAccessToken(userId: string, options?: { forceRefresh?: boolean; rejected?: ZoomSecret }): Promise<UserAccessTokenResult>;
  /**
   * Zoom refused `rejected` even after a refresh: mark the connection needs_reconnect with this reason,
   * but only while `rejected` is still the stored token (a late 401 must not flag newer tokens).
   */
  markRejected(userId: string, reason: string, rejected: ZoomSecret): Promise<void>;
}
