import type { AdminZoomConnectionsQuery, AdminZoomConnectionsResponse, adminZoomConnectionsQuerySchema } from '@crm/shared/zoom-connection';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error';
import type { CursorScope, PageCursors } from '../pagination/page-cursor';
import type { UserRepository, UserSearch } from '../ports/user-repository';

type ConnectionsFilters = z.output<typeof adminZoomConnectionsQuerySchema>;

/**
 * A page of users' connections for admins, in email order, filtered by name/email prefix, state and
 * role; the totals and adoption among interviewers always count everyone (one aggregate, not a scan).
 */
export async function listZoomConnections(
  deps: { users: Pick<UserRepository, 'search' | 'countByConnectionState'>; cursors: PageCursors },
  viewerId: string,
  query: ConnectionsFilters = {},
): Promise<AdminZoomConnectionsResponse> {
  const { cursor, limit, ...filters } = query;
  const scope: CursorScope = { list: 'zoom-connections', viewerId, filters };
  const afterEmail = cursor === undefined ? undefined : afterEmailOf(deps.cursors.decode(cursor, scope));
  const search: UserSearch = {
    ...(query.role !== undefined ? { role: query.role } : {}),
    ...(query.state !== undefined ? { zoomConnectionState: query.state } : {}),
    ...(query.q !== undefined ? { prefix: query.q.toLowerCase() } : {}),
    ...(afterEmail !== undefined ? { afterEmail } : {}),
    ...(limit !== undefined ? { limit: limit + 1 } : {}),
  };
  const [found, counts] = await Promise.all([deps.users.search(search), deps.users.countByConnectionState()]);
  const page = limit === undefined ? found : found.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = limit !== undefined && found.length > limit && last ? deps.cursors.encode([last.email.toLowerCase()], scope) : null;
  const totals = { connected: 0, needs_reconnect: 0, not_connected: 0 };
  let interviewers = 0;
  let connectedInterviewers = 0;
  // Active accounts by state: interviewers (whose state decides who hosts) apart from the other roles.
  const stateCounts = {
    interviewers: { connected: 0, needs_reconnect: 0, not_connected: 0 },
    otherRoles: { connected: 0, needs_reconnect: 0, not_connected: 0 },
  };
  for (const row of counts) {
    totals[row.zoomConnectionState] += row.count;
    if (row.active) stateCounts[row.role === 'interviewer' ? 'interviewers' : 'otherRoles'][row.zoomConnectionState] += row.count;
    if (row.role !== 'interviewer') continue;
    interviewers += row.count;
    if (row.zoomConnectionState === 'connected') connectedInterviewers += row.count;
  }
  return {
    users: page.map((user) => ({
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
      total: interviewers,
      connected: connectedInterviewers,
      adoptionRate: interviewers === 0 ? 0 : connectedInterviewers / interviewers,
    },
    nextCursor,
    stateCounts,
  };
}

function afterEmailOf(key: readonly (string | number)[]): string {
  const [email] = key;
  if (typeof email !== 'string' || key.length !== 1) {
    throw new AppError({ code: 'invalid_cursor', status: 400, message: 'The cursor is not valid for this list: malformed. Start again from the first page.' });
  }
  return email;
}

export type { AdminZoomConnectionsQuery };
