import { Router, type Request, type Response } from 'express';
import { interviewEndpoints, type Interview } from '@crm/shared/interviews';
import type { AppDeps } from '../app-deps';
import { cancelInterviewForViewer } from '../domain/interviews/cancel-interview-for-viewer';
import { getInterviewForViewer } from '../domain/interviews/get-interview-for-viewer';
import { listInterviewers } from '../domain/interviews/list-interviewers';
import { listInterviewsForViewer } from '../domain/interviews/list-interviews-for-viewer';
import type { Viewer } from '../domain/interviews/present-interview';
import { rescheduleInterviewForViewer } from '../domain/interviews/reschedule-interview-for-viewer';
import { retryMeeting } from '../domain/interviews/retry-meeting';
import { scheduleInterviewForViewer } from '../domain/interviews/schedule-interview-for-viewer';
import { startInterviewMeeting } from '../domain/interviews/start-interview-meeting';
import { getInterviewHistory } from '../domain/scheduling/interview-history';
import { getSchedulingSettings, putSchedulingSettings } from '../domain/scheduling/scheduling-policy';
import { findBusyInterviewers } from '../domain/scheduling/find-busy-interviewers';
import { requireRole, requireSignedIn } from '../http/middleware/require-role';
import { requestContext, requireSession } from '../http/request-context';
import { redirect, route } from '../http/typed-route';

function viewerOf(req: Request): Viewer {
  const session = requireSession(req);
  return { userId: session.userId, role: session.role };
}

/** 202 when the meeting change is still queued for Zoom (pending); the body says the same. */
function answerSettled(res: Response, interview: Interview, settled: number): { interview: Interview } {
  res.status(interview.meeting.status === 'pending' ? 202 : settled);
  return { interview };
}

export function interviewRoutes(deps: AppDeps): Router {
  const router = Router();
  const interviews = deps.meetings.interviews;
  const recruiters = [requireRole('recruiter', 'admin')];

  route(router, interviewEndpoints.list, [requireSignedIn], ({ query }, req) => listInterviewsForViewer(interviews, viewerOf(req), query));

  route(router, interviewEndpoints.create, recruiters, async ({ body }, req, res) =>
    answerSettled(res, await scheduleInterviewForViewer(interviews, viewerOf(req), body), 201),
  );

  route(router, interviewEndpoints.get, [requireSignedIn], async ({ params }, req) => ({
    interview: await getInterviewForViewer(interviews, viewerOf(req), params.id),
  }));

  route(router, interviewEndpoints.history, [requireSignedIn], async ({ params }, req) => ({
    history: await getInterviewHistory(interviews, viewerOf(req), params.id),
  }));

  route(router, interviewEndpoints.interviewerAvailability, recruiters, async ({ query }) =>
    findBusyInterviewers(
      { interviews: interviews.interviews, users: interviews.users, conflictBufferMinutes: interviews.conflictBufferMinutes ?? 0 },
      { startTime: new Date(query.startTime), durationMinutes: query.durationMinutes },
    ),
  );

  route(router, interviewEndpoints.getSchedulingSettings, [requireSignedIn], async () => getSchedulingSettings(deps.store.settings));

  route(router, interviewEndpoints.putSchedulingSettings, [requireRole('admin')], async ({ body }, req) =>
    putSchedulingSettings({ settings: deps.store.settings, audit: deps.store.audit, users: deps.store.users, clock: deps.clock }, requireSession(req).userId, body, requestContext(req)),
  );

  route(router, interviewEndpoints.update, recruiters, async ({ params, body }, req, res) =>
    answerSettled(res, await rescheduleInterviewForViewer(interviews, viewerOf(req), params.id, body), 200),
  );

  route(router, interviewEndpoints.cancel, recruiters, async ({ params }, req, res) =>
    answerSettled(res, await cancelInterviewForViewer(interviews, viewerOf(req), params.id), 200),
  );

  route(router, interviewEndpoints.retry, recruiters, async ({ params }, req, res) =>
    answerSettled(res, await retryMeeting(interviews, viewerOf(req), params.id, requestContext(req)), 200),
  );

  route(router, interviewEndpoints.start, [requireSignedIn], async ({ params }, req, res) => {
    const startUrl = await startInterviewMeeting(interviews, viewerOf(req), params.id);
    // The URL carries the host's ZAK: never cached, never sent on as a Referer.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    return redirect(res, startUrl);
  });

  route(router, interviewEndpoints.interviewers, recruiters, async ({ query }) => ({ interviewers: await listInterviewers(deps.store.users, query) }));

  return router;
}
