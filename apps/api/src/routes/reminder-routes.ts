import { Router } from 'express';
import { reminderEndpoints } from '@crm/shared/reminders';
import type { AppDeps } from '../app-deps';
import { listZoomReconnectReminders } from '../domain/reminders/list-zoom-reconnect-reminders';
import { NudgeTooSoon, nudgeUnconnectedInterviewers } from '../domain/reminders/nudge-unconnected-interviewers';
import { requireRole, requireSignedIn } from '../http/middleware/require-role';
import { requestContext, requireSession } from '../http/request-context';
import { route } from '../http/typed-route';

/** The signed-in user's reconnect reminders (the banner) and the admins' "please connect Zoom" nudge. */
export function reminderRoutes(deps: AppDeps): Router {
  const router = Router();
  const { deps: reminders } = deps.reminders;

  route(router, reminderEndpoints.zoomReconnectReminders, [requireSignedIn], async (_input, req) => ({
    reminders: await listZoomReconnectReminders(reminders, requireSession(req).userId),
  }));

  route(router, reminderEndpoints.nudgeUnconnectedInterviewers, [requireRole('admin')], async (_input, req, res) => {
    try {
      return await nudgeUnconnectedInterviewers(reminders, requireSession(req).userId, requestContext(req));
    } catch (error) {
      // The envelope's details carry the same moment for clients that read JSON only.
      if (error instanceof NudgeTooSoon) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });

  return router;
}
