import type { InterviewListQuery } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { InterviewRecord } from '../ports/interview-repository';
import type { UserRecord, UserRepository } from '../ports/user-repository';
import type { InterviewDeps } from './interview-deps';
import { findInterviewOrThrow } from './find-interview-or-throw';
import type { Viewer } from './present-interview';

type ParsedQuery = { when: 'upcoming' | 'past' | 'all'; interviewerId?: string; includeCancelled: boolean; limit: number };

/** Interviewers see only their own interviews; recruiters and admins see all, optionally by interviewer. */
export async function listInterviews(deps: InterviewDeps, viewer: Viewer, query: ParsedQuery): Promise<InterviewRecord[]> {
  if (viewer.role === 'interviewer' && query.interviewerId !== undefined && query.interviewerId !== viewer.userId) {
    throw new AppError({ code: 'forbidden', status: 403, message: 'Interviewers can only list their own interviews' });
  }
  const interviewerId = viewer.role === 'interviewer' ? viewer.userId : query.interviewerId;
  return deps.interviews.list({ when: query.when, interviewerId, includeCancelled: query.includeCancelled, limit: query.limit, now: deps.clock.now() });
}

/** Someone else's interview is "not found" for an interviewer: its existence is not theirs to know. */
export async function getInterview(deps: InterviewDeps, viewer: Viewer, id: string): Promise<InterviewRecord> {
  const interview = await findInterviewOrThrow(deps, id);
  if (viewer.role === 'interviewer' && interview.interviewerId !== viewer.userId) {
    throw new AppError({ code: 'interview_not_found', status: 404, message: 'No such interview' });
  }
  return interview;
}

/** Loads every interviewer of a page of interviews in one round trip. */
export async function loadInterviewers(deps: { users: Pick<UserRepository, 'findByIds'> }, interviews: InterviewRecord[]): Promise<Map<string, UserRecord | null>> {
  const ids = [...new Set(interviews.map((interview) => interview.interviewerId))];
  const found = new Map((ids.length > 0 ? await deps.users.findByIds(ids) : []).map((user) => [user.id, user]));
  return new Map(ids.map((id) => [id, found.get(id) ?? null]));
}

export type { InterviewListQuery };
