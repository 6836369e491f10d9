import { Router } from 'express';
import { zoomEndpoints } from '@crm/shared/zoom-connection';
import type { AppDeps } from '../app-deps';
import { disconnectZoomAccount } from '../domain/zoom-connection/disconnect-zoom-account';
import { listZoomConnections } from '../domain/zoom-connection/list-zoom-connections';
import { requestContext, requireSession } from '../http/request-context';
import { requireRole } from '../http/middleware/require-role';
import { route } from '../http/typed-route';

export function adminZoomRoutes(deps: AppDeps): Router {
  const router = Router();
  const adminOnly = [requireRole('admin')];
  route(router, zoomEndpoints.adminConnections, adminOnly, ({ query }, req) =>
    listZoomConnections({ users: deps.store.users, cursors: deps.meetings.interviews.cursors }, requireSession(req).userId, query),
  );
  route(router, zoomEndpoints.adminDisconnect, adminOnly, ({ params }, req) => disconnectZoomAccount(deps.zoomConnection.deps, params.id, requestContext(req)));
  return router;
}
