import { Router } from 'express';
import { createUserRequestSchema } from '@crm/shared/auth';
import type { AppDeps } from '../app-deps';
import { createUser } from '../domain/users/create-user';
import { presentUser } from '../domain/users/present-user';
import { parseInput } from '../http/parse-request';
import { requestContext } from '../http/request-context';
import { requireRole } from '../http/middleware/require-role';

export function adminUserRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/admin/users', requireRole('admin'), async (_req, res) => {
    const users = await deps.store.users.list();
    res.json({ users: users.map(presentUser) });
  });
  router.post('/api/admin/users', requireRole('admin'), async (req, res) => {
    const input = parseInput(createUserRequestSchema, req.body);
    const user = await createUser({ users: deps.store.users, audit: deps.store.audit, passwords: deps.passwords }, input, requestContext(req));
    res.status(201).json({ user: presentUser(user) });
  });
  return router;
}
