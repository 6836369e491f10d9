import { auditInterviewChange } from '../audit/record-interview-change';
import type { Interview, UpdateInterviewRequest } from '@crm/shared/interviews';
import { rescheduleInterview } from './change-interview';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';

export async function rescheduleInterviewForViewer(deps: InterviewDeps, viewer: Viewer, id: string, input: UpdateInterviewRequest): Promise<Interview> {
  let removedFromPanel: string[] = [];
  const reschedule = async () => {
    const result = await rescheduleInterview(deps, id, input);
    removedFromPanel = result.removedFromPanel;
    return result.interview;
  };
  const changed = await auditInterviewChange(deps, viewer.userId, 'interview.rescheduled', id, reschedule, input.allowConflict ? { allowedConflict: true } : {});
  await deps.onInterviewChanged(changed);
  // After the new version: the cancellation carries its SEQUENCE, so it supersedes what they were sent.
  if (removedFromPanel.length > 0) await deps.onRemovedFromPanel(changed, removedFromPanel);
  return presentInterviewForViewer(deps, changed, viewer);
}
