import type { Interview } from '@crm/shared/interviews';
import type { InterviewDeps } from './interview-deps';
import { getInterview } from './list-interviews';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';

export async function getInterviewForViewer(deps: InterviewDeps, viewer: Viewer, id: string): Promise<Interview> {
  return presentInterviewForViewer(deps, await getInterview(deps, viewer, id), viewer);
}
