import type { InterviewerOption } from '@crm/shared/interviews';
import type { UserRecord, UserRepository } from '../ports/user-repository';

/**
 * The recruiter's picker: interviewers and where their meetings would be hosted right now. Without `q`
 * every interviewer, in the order they were added; with it (type-ahead), those whose name, a word of
 * it, or email starts so, in email order, at most `limit`.
 */
export async function listInterviewers(users: Pick<UserRepository, 'list' | 'search'>, query: { q?: string | undefined; limit?: number | undefined } = {}): Promise<InterviewerOption[]> {
  let interviewers: UserRecord[];
  if (query.q === undefined) {
    const all = await users.list({ role: 'interviewer' });
    interviewers = query.limit === undefined ? all : all.slice(0, query.limit);
  } else {
    interviewers = await users.search({ role: 'interviewer', prefix: query.q.toLowerCase(), limit: query.limit ?? 20 });
  }
  return interviewers.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    zoomConnectionState: user.zoomConnectionState,
    zoomEmail: user.zoomEmail,
    expectedHostSource: user.zoomConnectionState === 'connected' ? 'interviewer' : 'system',
  }));
}
