import { Router, type Response } from 'express';
import {
  createInterviewRequestSchema,
  interviewIdParamsSchema,
  interviewListQuerySchema,
  updateInterviewRequestSchema,
  type InterviewListResponse,
  type InterviewResponse,
  type InterviewerListResponse,
} from '@crm/shared/interviews';
import type { AppDeps } from '../app-deps';
import { cancelInterview, rescheduleInterview } from '../domain/interviews/change-interview';
import { getInterview, listInterviews, loadInterviewers } from '../domain/interviews/list-interviews';
import { listInterviewers } from '../domain/interviews/list-interviewers';
import { presentInterview, type Viewer } from '../domain/interviews/present-interview';
import { scheduleInterview } from '../domain/interviews/schedule-interview';
import type { InterviewRecord } from '../domain/ports/interview-repository';
import { requireRole, requireSignedIn } from '../http/middleware/require-role';
import { parseInput } from '../http/parse-request';
import { requireSession } from '../http/request-context';

/** 202 when the meeting change is still queued for Zoom (pending); the body says the same. */
function settledStatus(interview: InterviewRecord, settled: number): number {
  return interview.meeting.status === 'pending' ? 202 : settled;
}

export function interviewRoutes(deps: AppDeps): Router {
  const router = Router();
  const interviews = deps.meetings.interviews;
  const viewerOf = (req: Parameters<typeof requireSession>[0]): Viewer => {
    const session = requireSession(req);
    return { userId: session.userId, role: session.role };
  };
  const present = async (record: InterviewRecord, viewer: Viewer) => {
    const interviewer = await deps.store.users.findById(record.interviewerId);
    return presentInterview(record, interviewer, viewer, interviews.secrets);
  };

  router.get('/api/interviews', requireSignedIn, async (req, res: Response<InterviewListResponse>) => {
    const viewer = viewerOf(req);
    const query = parseInput(interviewListQuerySchema, req.query, 'query');
    const records = await listInterviews(interviews, viewer, query);
    const interviewers = await loadInterviewers(interviews, records);
    res.json({ interviews: records.map((record) => presentInterview(record, interviewers.get(record.interviewerId) ?? null, viewer, interviews.secrets)) });
  });

  router.post('/api/interviews', requireRole('recruiter', 'admin'), async (req, res: Response<InterviewResponse>) => {
    const viewer = viewerOf(req);
    const input = parseInput(createInterviewRequestSchema, req.body);
    const record = await scheduleInterview(interviews, input, viewer.userId);
    res.status(settledStatus(record, 201)).json({ interview: await present(record, viewer) });
  });

  router.get('/api/interviews/:id', requireSignedIn, async (req, res: Response<InterviewResponse>) => {
    const viewer = viewerOf(req);
    const { id } = parseInput(interviewIdParamsSchema, req.params, 'params');
    const record = await getInterview(interviews, viewer, id);
    res.json({ interview: await present(record, viewer) });
  });

  router.patch('/api/interviews/:id', requireRole('recruiter', 'admin'), async (req, res: Response<InterviewResponse>) => {
    const viewer = viewerOf(req);
    const { id } = parseInput(interviewIdParamsSchema, req.params, 'params');
    const input = parseInput(updateInterviewRequestSchema, req.body);
    const record = await rescheduleInterview(interviews, id, input);
    res.status(settledStatus(record, 200)).json({ interview: await present(record, viewer) });
  });

  router.delete('/api/interviews/:id', requireRole('recruiter', 'admin'), async (req, res: Response<InterviewResponse>) => {
    const viewer = viewerOf(req);
    const { id } = parseInput(interviewIdParamsSchema, req.params, 'params');
    const record = await cancelInterview(interviews, id);
    res.status(settledStatus(record, 200)).json({ interview: await present(record, viewer) });
  });

  router.get('/api/interviewers', requireRole('recruiter', 'admin'), async (_req, res: Response<InterviewerListResponse>) => {
    res.json({ interviewers: await listInterviewers(deps.store.users) });
  });

  return router;
}
