import { Router } from 'express';
import { interviewEndpoints } from '@crm/shared/interviews';
import type { AppDeps } from '../app-deps';
import { summarizeMeetingHosts } from '../domain/analytics/summarize-meeting-hosts';
import { requireRole } from '../http/middleware/require-role';
import { route } from '../http/typed-route';

/** Admin analytics: which meetings were hosted on interviewers' own Zoom accounts and which fell back. */
export function meetingAnalyticsRoutes(deps: AppDeps): Router {
  const router = Router();
  route(router, interviewEndpoints.meetingAnalytics, [requireRole('admin')], () =>
    summarizeMeetingHosts(
      { interviews: deps.store.interviews, users: deps.store.users, attendance: deps.store.interviewAttendance, recordings: deps.store.interviewRecordings },
      deps.clock.now(),
    ),
  );
  return router;
}
