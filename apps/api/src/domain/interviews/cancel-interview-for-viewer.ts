import { auditInterviewChange } from '../audit/record-interview-change';
import type { Interview } from '@crm/shared/interviews';
import { cancelInterview } from './change-interview';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';

export async function cancelInterviewForViewer(deps: InterviewDeps, viewer: Viewer, id: string): Promise<Interview> {
  const cancelled = await auditInterviewChange(deps, viewer.userId, 'interview.cancelled', id, () => cancelInterview(deps, id));
  await deps.onInterviewChanged(cancelled);
  return presentInterviewForViewer(deps, cancelled, viewer);
}
