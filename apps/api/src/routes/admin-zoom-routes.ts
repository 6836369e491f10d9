import { Router, type Response } from 'express';
import { z } from 'zod';
import { auditListQuerySchema, type AdminZoomConnectionsResponse, type AuditListResponse, type ZoomStatusResponse } from '@crm/shared/zoom-connection';
import type { AppDeps } from '../app-deps';
import { listAuditEvents } from '../domain/audit/list-audit-events';
import { disconnectZoomAccount } from '../domain/zoom-connection/disconnect-zoom-account';
import { listZoomConnections } from '../domain/zoom-connection/list-zoom-connections';
import { parseInput } from '../http/parse-request';
import { requestContext } from '../http/request-context';
import { requireRole } from '../http/middleware/require-role';

const userIdParams = z.object({ id: z.string().min(1).max(100) });

export function adminZoomRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/admin/zoom/connections', requireRole('admin'), async (_req, res: Response<AdminZoomConnectionsResponse>) => {
    res.json(await listZoomConnections(deps.store.users));
  });
  router.post('/api/admin/users/:id/zoom/disconnect', requireRole('admin'), async (req, res: Response<ZoomStatusResponse>) => {
    const { id } = parseInput(userIdParams, req.params, 'params');
    res.json(await disconnectZoomAccount(deps.zoomConnection.deps, id, requestContext(req)));
  });
  router.get('/api/admin/audit', requireRole('admin'), async (req, res: Response<AuditListResponse>) => {
    const query = parseInput(auditListQuerySchema, req.query, 'query');
    res.json(await listAuditEvents(deps.store.audit, query));
  });
  return router;
}
