import type { AdminZoomConnectionsResponse } from '@crm/shared/zoom-connection';
import type { UserRepository } from '../ports/user-repository';
import { countConnectionStates } from './count-connection-states';

/** Every user's connection for admins, with totals and adoption among interviewers. */
export async function listZoomConnections(users: UserRepository): Promise<AdminZoomConnectionsResponse> {
  const all = await users.list();
  const totals = { connected: 0, needs_reconnect: 0, not_connected: 0 };
  for (const user of all) totals[user.zoomConnectionState] += 1;
  const interviewers = all.filter((user) => user.role === 'interviewer');
  const connectedInterviewers = interviewers.filter((user) => user.zoomConnectionState === 'connected').length;
  return {
    users: all.map((user) => ({
      userId: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      state: user.zoomConnectionState,
      zoomEmail: user.zoomEmail,
      connectedAt: user.zoomConnectedAt?.toISOString() ?? null,
      lastRefreshAt: user.zoomLastRefreshAt?.toISOString() ?? null,
      lastProblem: user.zoomLastProblem,
    })),
    totals,
    interviewers: {
      total: interviewers.length,
      connected: connectedInterviewers,
      adoptionRate: interviewers.length === 0 ? 0 : connectedInterviewers / interviewers.length,
    },
    stateCounts: countConnectionStates(all),
  };
}
