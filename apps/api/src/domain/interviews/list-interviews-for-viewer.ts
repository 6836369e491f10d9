import type { Interview } from '@crm/shared/interviews';
import type { InterviewDeps } from './interview-deps';
import { listInterviews } from './list-interviews';
import type { Viewer } from './present-interview';
import { presentInterviewsForViewer } from './present-interview-for-viewer';

export async function listInterviewsForViewer(deps: InterviewDeps, viewer: Viewer, query: Parameters<typeof listInterviews>[2]): Promise<Interview[]> {
  return presentInterviewsForViewer(deps, await listInterviews(deps, viewer, query), viewer);
}
