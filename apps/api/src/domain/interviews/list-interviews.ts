import type { InterviewListFilters, InterviewListQuery } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { CursorScope } from '../pagination/page-cursor';
import type { InterviewListFilter, InterviewRecord, ListedInterview } from '../ports/interview-repository';
import type { UserRecord, UserRepository } from '../ports/user-repository';
import type { InterviewDeps } from './interview-deps';
import { findInterviewOrThrow } from './find-interview-or-throw';
import { isOnPanel, panelOf } from './interview-panel';
import type { Viewer } from './present-interview';

export interface InterviewPage {
  records: readonly ListedInterview[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of the interviews this viewer may see: interviewers those whose panel they are on; recruiters and admins
 * all, narrowed by the filters. Pages follow the list's order (soonest first; `past` latest first) and
 * continue from a cursor that is only good for the same filters and the same viewer.
 */
export async function listInterviews(deps: Pick<InterviewDeps, 'interviews' | 'clock' | 'cursors'>, viewer: Viewer, query: InterviewListFilters): Promise<InterviewPage> {
  if (viewer.role === 'interviewer' && query.interviewerId !== undefined && query.interviewerId !== viewer.userId) {
    throw new AppError({ code: 'forbidden', status: 403, message: 'Interviewers can only list their own interviews' });
  }
  const interviewerId = viewer.role === 'interviewer' ? viewer.userId : query.interviewerId;
  // "Mine" is what the viewer scheduled (recruiters, admins); an interviewer's list is theirs already.
  const createdById = query.mine && viewer.role !== 'interviewer' ? viewer.userId : query.recruiterId;
  if (query.mine && viewer.role !== 'interviewer' && query.recruiterId !== undefined && query.recruiterId !== viewer.userId) return { records: [], nextCursor: null };
  const { cursor, limit, ...filters } = query;
  const scope: CursorScope = { list: 'interviews', viewerId: viewer.userId, filters: { ...filters, interviewerId, createdById } };
  const after = cursor === undefined ? undefined : afterPosition(deps.cursors.decode(cursor, scope));
  const filter: InterviewListFilter = {
    when: query.when,
    now: deps.clock.now(),
    // Asking for cancelled meetings is asking for cancelled interviews.
    includeCancelled: query.includeCancelled || query.meetingStatus === 'cancelled',
    limit: limit + 1,
    ...(interviewerId !== undefined ? { interviewerId } : {}),
    ...(createdById !== undefined ? { createdById } : {}),
    ...(query.q !== undefined ? { candidatePrefix: query.q.toLowerCase() } : {}),
    ...(query.meetingStatus !== undefined ? { meetingStatus: query.meetingStatus } : {}),
    ...(query.hostSource !== undefined ? { hostSource: query.hostSource } : {}),
    ...(query.from !== undefined ? { startFrom: new Date(query.from) } : {}),
    ...(query.to !== undefined ? { startBefore: new Date(query.to) } : {}),
    ...(after ? { after } : {}),
  };
  const found = await deps.interviews.list(filter);
  const records = found.slice(0, limit);
  const last = records[records.length - 1];
  const nextCursor = found.length > limit && last ? deps.cursors.encode([last.startTime.getTime(), last.id], scope) : null;
  return { records, nextCursor };
}

function afterPosition(key: readonly (string | number)[]): InterviewListFilter['after'] {
  const [startTime, id] = key;
  if (typeof startTime !== 'number' || typeof id !== 'string' || key.length !== 2) {
    throw new AppError({ code: 'invalid_cursor', status: 400, message: 'The cursor is not valid for this list: malformed. Start again from the first page.' });
  }
  return { startTime: new Date(startTime), id };
}

/** An interview whose panel they are not on is "not found" for an interviewer: its existence is not theirs to know. */
export async function getInterview(deps: InterviewDeps, viewer: Viewer, id: string): Promise<InterviewRecord> {
  const interview = await findInterviewOrThrow(deps, id);
  if (viewer.role === 'interviewer' && !isOnPanel(interview, viewer.userId)) {
    throw new AppError({ code: 'interview_not_found', status: 404, message: 'No such interview' });
  }
  return interview;
}

/**
 * Loads every panel member of a page of interviews in one round trip. Rows may be the store's live
 * documents (ListedInterview): members a panel change added during that read are read in a second one,
 * rather than shown as removed users.
 */
export async function loadInterviewers(deps: { users: Pick<UserRepository, 'findByIds'> }, interviews: readonly ListedInterview[]): Promise<Map<string, UserRecord | null>> {
  const users = new Map<string, UserRecord | null>();
  for (let round = 0; round < 2; round += 1) {
    const missing = [...new Set(interviews.flatMap((interview) => panelOf(interview)))].filter((id) => !users.has(id));
    if (missing.length === 0) break;
    const found = new Map((await deps.users.findByIds(missing)).map((user) => [user.id, user]));
    for (const id of missing) users.set(id, found.get(id) ?? null);
  }
  return users;
}

export type { InterviewListQuery };
