import type { ZoomStatusResponse } from '@crm/shared/zoom-connection';
import type { UserRecord } from '../ports/user-repository';

/** The caller-facing view of a connection: state and plain facts, never a token. */
export function presentZoomStatus(user: UserRecord): ZoomStatusResponse {
  return {
    state: user.zoomConnectionState,
    zoomEmail: user.zoomEmail,
    connectedAt: user.zoomConnectedAt?.toISOString() ?? null,
    scopes: user.zoomScopes,
    lastRefreshAt: user.zoomLastRefreshAt?.toISOString() ?? null,
    lastProblem: user.zoomLastProblem,
  };
}
