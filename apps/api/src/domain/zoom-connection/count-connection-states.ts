import type { AdminZoomConnectionsResponse } from '@crm/shared/zoom-connection';
import type { UserRecord } from '../ports/user-repository';

/** Active accounts by Zoom state: interviewers (whose state decides who hosts) apart from the other roles. */
export function countConnectionStates(users: UserRecord[]): AdminZoomConnectionsResponse['stateCounts'] {
  const counts = {
    interviewers: { connected: 0, needs_reconnect: 0, not_connected: 0 },
    otherRoles: { connected: 0, needs_reconnect: 0, not_connected: 0 },
  };
  for (const user of users) {
    if (!user.active) continue;
    counts[user.role === 'interviewer' ? 'interviewers' : 'otherRoles'][user.zoomConnectionState] += 1;
  }
  return counts;
}
