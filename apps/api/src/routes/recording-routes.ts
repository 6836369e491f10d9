import { Router } from 'express';
import { recordingEndpoints } from '@crm/shared/recordings';
import type { AppDeps } from '../app-deps';
import { getInterviewRecording } from '../domain/recordings/get-interview-recording';
import type { RecordingDeps } from '../domain/recordings/recording-deps';
import { getRecordingSettings, saveRecordingSettings } from '../domain/recordings/recording-settings';
import { requireRole, requireSignedIn } from '../http/middleware/require-role';
import { requestContext, requireSession } from '../http/request-context';
import { route } from '../http/typed-route';

/** An interview's cloud recording and transcript, and the admins' retention setting. */
export function recordingRoutes(deps: AppDeps): Router {
  const router = Router();
  const recordingDeps: RecordingDeps = {
    interviews: deps.store.interviews,
    recordings: deps.store.interviewRecordings,
    settings: deps.store.recordingSettings,
    meetingDefaults: deps.store.meetingDefaults,
    clock: deps.clock,
  };
  route(router, recordingEndpoints.interviewRecording, [requireSignedIn], async ({ params }, req) => {
    const session = requireSession(req);
    return getInterviewRecording(recordingDeps, { userId: session.userId, role: session.role }, params.id);
  });
  route(router, recordingEndpoints.getRecordingSettings, [requireRole('admin')], () => getRecordingSettings(recordingDeps));
  route(router, recordingEndpoints.putRecordingSettings, [requireRole('admin')], ({ body }, req) =>
    saveRecordingSettings({ ...recordingDeps, audit: deps.store.audit, users: deps.store.users }, body, requestContext(req)),
  );
  return router;
}
