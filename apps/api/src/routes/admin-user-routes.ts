import { Router } from 'express';
import { authEndpoints } from '@crm/shared/auth';
import type { AppDeps } from '../app-deps';
import { createUser } from '../domain/users/create-user';
import { listUsers } from '../domain/users/list-users';
import { presentUser } from '../domain/users/present-user';
import { requestContext } from '../http/request-context';
import { requireRole } from '../http/middleware/require-role';
import { route } from '../http/typed-route';

export function adminUserRoutes(deps: AppDeps): Router {
  const router = Router();
  route(router, authEndpoints.listUsers, [requireRole('admin')], async () => ({ users: await listUsers(deps.store.users) }));
  route(router, authEndpoints.createUser, [requireRole('admin')], async ({ body }, req, res) => {
    const user = await createUser({ users: deps.store.users, audit: deps.store.audit, passwords: deps.passwords }, body, requestContext(req));
    res.status(201);
    return { user: presentUser(user) };
  });
  return router;
}
