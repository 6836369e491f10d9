import type { CreateInterviewInput, Interview } from '@crm/shared/interviews';
import { recordInterviewEvent } from '../scheduling/interview-history';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';
import { scheduleInterview } from './schedule-interview';

/** Schedules as the viewer and answers with what they may see of the result. */
export async function scheduleInterviewForViewer(deps: InterviewDeps, viewer: Viewer, input: CreateInterviewInput): Promise<Interview> {
  const scheduled = await scheduleInterview(deps, input, viewer.userId);
  await recordInterviewEvent(deps, viewer, 'interview.scheduled', scheduled, input.allowConflict ? { allowedConflict: true } : {});
  await deps.onInterviewChanged(scheduled);
  return presentInterviewForViewer(deps, scheduled, viewer);
}
