import { auditInterviewChange } from '../audit/record-interview-change';
import type { Interview, UpdateInterviewRequest } from '@crm/shared/interviews';
import { rescheduleInterview } from './change-interview';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';

export async function rescheduleInterviewForViewer(deps: InterviewDeps, viewer: Viewer, id: string, input: UpdateInterviewRequest): Promise<Interview> {
  const changed = await auditInterviewChange(deps, viewer.userId, 'interview.rescheduled', id, () => rescheduleInterview(deps, id, input), input.allowConflict ? { allowedConflict: true } : {});
  await deps.onInterviewChanged(changed);
  return presentInterviewForViewer(deps, changed, viewer);
}
