import { auditInterviewChange } from '../audit/record-interview-change';
import type { CreateInterviewInput, Interview } from '@crm/shared/interviews';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';
import { scheduleInterview } from './schedule-interview';

/** Schedules as the viewer and answers with what they may see of the result. */
export async function scheduleInterviewForViewer(deps: InterviewDeps, viewer: Viewer, input: CreateInterviewInput): Promise<Interview> {
  const scheduled = await auditInterviewChange(deps, viewer.userId, 'interview.scheduled', null, () => scheduleInterview(deps, input, viewer.userId));
  await deps.onInterviewChanged(scheduled);
  return presentInterviewForViewer(deps, scheduled, viewer);
}
