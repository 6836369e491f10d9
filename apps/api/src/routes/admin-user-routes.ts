import { Router } from 'express';
import { authEndpoints } from '@crm/shared/auth';
import type { AppDeps } from '../app-deps';
import { changeUserRole } from '../domain/users/change-user-role';
import { createUser } from '../domain/users/create-user';
import { deactivateUser } from '../domain/users/deactivate-user';
import { listUsers } from '../domain/users/list-users';
import { presentUser } from '../domain/users/present-user';
import { reactivateUser } from '../domain/users/reactivate-user';
import { requestContext } from '../http/request-context';
import { requireRole } from '../http/middleware/require-role';
import { route } from '../http/typed-route';
import { userEndpoints } from '@crm/shared/users';
import { inviteUser, resendInvite, type InviteDeps } from '../domain/users/invite-user';
import { hmacInviteTokenSigner } from '../security/invite-token-signing';

export function inviteDeps(deps: AppDeps): InviteDeps {
  return {
    users: deps.store.users,
    audit: deps.store.audit,
    outbox: deps.store.outbox,
    passwords: deps.passwords,
    invites: hmacInviteTokenSigner(deps.env.OAUTH_STATE_SECRET),
    clock: deps.clock,
    webAppUrl: deps.env.WEB_APP_URL,
  };
}

export function adminUserRoutes(deps: AppDeps): Router {
  const router = Router();
  const accounts = { users: deps.store.users, audit: deps.store.audit };
  route(router, authEndpoints.listUsers, [requireRole('admin')], async () => ({ users: await listUsers(deps.store.users) }));
  route(router, authEndpoints.createUser, [requireRole('admin')], async ({ body }, req, res) => {
    const user = await createUser({ users: deps.store.users, audit: deps.store.audit, passwords: deps.passwords }, body, requestContext(req));
    res.status(201);
    return { user: presentUser(user) };
  });
  // Each change ends the user's sessions; forgetting here makes this instance refuse their next request at once.
  route(router, authEndpoints.changeUserRole, [requireRole('admin')], async ({ params, body }, req) => {
    const user = await changeUserRole(accounts, params.id, body.role, requestContext(req));
    deps.sessions.forget(user.id);
    return { user: presentUser(user) };
  });
  route(router, authEndpoints.deactivateUser, [requireRole('admin')], async ({ params }, req) => {
    const user = await deactivateUser({ ...accounts, zoomConnection: deps.zoomConnection.deps }, params.id, requestContext(req));
    deps.sessions.forget(user.id);
    return { user: presentUser(user) };
  });
  route(router, authEndpoints.reactivateUser, [requireRole('admin')], async ({ params }, req) => {
    const user = await reactivateUser(accounts, params.id, requestContext(req));
    deps.sessions.forget(user.id);
    return { user: presentUser(user) };
  });
  route(router, userEndpoints.inviteUser, [requireRole('admin')], async ({ body }, req, res) => {
    const invited = await inviteUser(inviteDeps(deps), body, requestContext(req));
    res.status(201);
    return { user: presentUser(invited.user), emailQueued: invited.emailQueued };
  });
  route(router, userEndpoints.resendInvite, [requireRole('admin')], async ({ params }, req) => {
    const resent = await resendInvite(inviteDeps(deps), params.id, requestContext(req));
    deps.sessions.forget(resent.user.id);
    return { user: presentUser(resent.user), emailQueued: resent.emailQueued };
  });
  return router;
}
