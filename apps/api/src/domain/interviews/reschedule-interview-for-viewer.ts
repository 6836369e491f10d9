import type { Interview, UpdateInterviewRequest } from '@crm/shared/interviews';
import { rescheduleInterview } from './change-interview';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';

export async function rescheduleInterviewForViewer(deps: InterviewDeps, viewer: Viewer, id: string, input: UpdateInterviewRequest): Promise<Interview> {
  return presentInterviewForViewer(deps, await rescheduleInterview(deps, id, input), viewer);
}
