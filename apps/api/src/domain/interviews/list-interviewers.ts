import type { InterviewerOption } from '@crm/shared/interviews';
import type { UserRepository } from '../ports/user-repository';

/** The recruiter's picker: every interviewer and where their meetings would be hosted right now. */
export async function listInterviewers(users: UserRepository): Promise<InterviewerOption[]> {
  const interviewers = await users.list({ role: 'interviewer' });
  return interviewers.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    zoomConnectionState: user.zoomConnectionState,
    zoomEmail: user.zoomEmail,
    expectedHostSource: user.zoomConnectionState === 'connected' ? 'interviewer' : 'system',
  }));
}
