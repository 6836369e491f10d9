import { Router } from 'express';
import { interviewEndpoints } from '@crm/shared/interviews';
import type { AppDeps } from '../app-deps';
import { getMeetingDefaults } from '../domain/meeting-settings/get-meeting-defaults';
import { saveMeetingDefaults } from '../domain/meeting-settings/save-meeting-defaults';
import { requireSignedIn } from '../http/middleware/require-role';
import { requestContext, requireSession } from '../http/request-context';
import { route } from '../http/typed-route';

/** The signed-in user's own meeting defaults (Account Settings → Advanced). */
export function meetingDefaultsRoutes(deps: AppDeps): Router {
  const router = Router();
  route(router, interviewEndpoints.getMeetingDefaults, [requireSignedIn], (_input, req) =>
    getMeetingDefaults(deps.store.meetingDefaults, requireSession(req).userId),
  );
  route(router, interviewEndpoints.putMeetingDefaults, [requireSignedIn], ({ body }, req) =>
    saveMeetingDefaults({ meetingDefaults: deps.store.meetingDefaults, audit: deps.store.audit, users: deps.store.users, clock: deps.clock }, requireSession(req).userId, body, requestContext(req)),
  );
  return router;
}
