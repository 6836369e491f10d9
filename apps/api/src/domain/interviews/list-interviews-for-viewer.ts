import type { InterviewListFilters, InterviewListResponse } from '@crm/shared/interviews';
import type { InterviewDeps } from './interview-deps';
import { listInterviews } from './list-interviews';
import type { Viewer } from './present-interview';
import { presentInterviewsForViewer } from './present-interview-for-viewer';

export async function listInterviewsForViewer(deps: InterviewDeps, viewer: Viewer, query: InterviewListFilters): Promise<InterviewListResponse> {
  const page = await listInterviews(deps, viewer, query);
  return { interviews: await presentInterviewsForViewer(deps, page.records, viewer), nextCursor: page.nextCursor };
}
