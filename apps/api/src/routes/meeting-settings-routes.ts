import { Router, type Response } from 'express';
import { meetingDefaultsSchema, type MeetingAnalyticsResponse, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import type { AppDeps } from '../app-deps';
import { summarizeMeetingHosts } from '../domain/analytics/summarize-meeting-hosts';
import { getMeetingDefaults } from '../domain/meeting-settings/get-meeting-defaults';
import { saveMeetingDefaults } from '../domain/meeting-settings/save-meeting-defaults';
import { requireRole, requireSignedIn } from '../http/middleware/require-role';
import { parseInput } from '../http/parse-request';
import { requireSession } from '../http/request-context';

export function meetingSettingsRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/api/zoom/meeting-defaults', requireSignedIn, async (req, res: Response<MeetingDefaultsResponse>) => {
    res.json(await getMeetingDefaults(deps.store.meetingDefaults, requireSession(req).userId));
  });

  router.put('/api/zoom/meeting-defaults', requireSignedIn, async (req, res: Response<MeetingDefaultsResponse>) => {
    const input = parseInput(meetingDefaultsSchema, req.body);
    res.json(await saveMeetingDefaults(deps.store.meetingDefaults, requireSession(req).userId, input));
  });

  router.get('/api/admin/meeting-analytics', requireRole('admin'), async (_req, res: Response<MeetingAnalyticsResponse>) => {
    res.json(await summarizeMeetingHosts({ interviews: deps.store.interviews, users: deps.store.users }, new Date()));
  });

  return router;
}
