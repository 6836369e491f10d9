import { Router } from 'express';
import { auditEndpoints } from '@crm/shared/audit';
import type { AppDeps } from '../app-deps';
import { exportAuditEvents } from '../domain/audit/export-audit-events';
import { searchAuditEvents } from '../domain/audit/search-audit-events';
import { requireRole } from '../http/middleware/require-role';
import { route, sendDocument } from '../http/typed-route';

/** The audit log for admins: read and export only (append-only: no route edits or deletes an event). */
export function auditRoutes(deps: AppDeps): Router {
  const router = Router();
  const read = { audit: deps.store.audit, users: deps.store.users, interviews: deps.store.interviews };
  route(router, auditEndpoints.search, [requireRole('admin')], ({ query }) => searchAuditEvents(read, query));
  route(router, auditEndpoints.exportCsv, [requireRole('admin')], async ({ query }, _req, res) => {
    const csv = await exportAuditEvents(read, query);
    const day = deps.clock.now().toISOString().slice(0, 10);
    return sendDocument(res, { contentType: 'text/csv; charset=utf-8', body: csv, filename: `audit-log-${day}.csv` });
  });
  return router;
}
