import { recordInterviewChange } from '../audit/record-interview-change';
import type { CreateInterviewInput, Interview } from '@crm/shared/interviews';
import type { InterviewDeps } from './interview-deps';
import { knownUsers } from './known-records';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';
import { scheduleInterviewWithReads } from './schedule-interview';

/** Schedules as the viewer and answers with what they may see of the result. */
export async function scheduleInterviewForViewer(deps: InterviewDeps, viewer: Viewer, input: CreateInterviewInput): Promise<Interview> {
  const { interview, known } = await scheduleInterviewWithReads(deps, input, viewer.userId);
  // The recruiter and the interviewer were read to schedule: the audit story and the answer reuse them.
  const users = knownUsers(known, deps.users);
  await recordInterviewChange({ audit: deps.audit, users, clock: deps.clock }, viewer.userId, 'interview.scheduled', null, interview, input.allowConflict ? { allowedConflict: true } : {});
  await (deps.firstInvitations ? deps.firstInvitations.announce(interview, known) : deps.onInterviewChanged(interview, known));
  // A meeting made a moment ago has no attendance yet: only the interviewer is needed, and it is known.
  return presentInterviewForViewer({ users, clock: deps.clock }, interview, viewer);
}
