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
  await recordInterviewChange(deps, viewer.userId, 'interview.scheduled', null, interview, input.allowConflict ? { allowedConflict: true } : {});
  await deps.onInterviewChanged(interview, known);
  // A meeting made a moment ago has no attendance yet: only the interviewer is needed, and it is known.
  return presentInterviewForViewer({ users: knownUsers(known, deps.users), clock: deps.clock }, interview, viewer);
}
