import type { Interview } from '@crm/shared/interviews';
import type { InterviewRecord } from '../ports/interview-repository';
import type { InterviewDeps } from './interview-deps';
import { loadInterviewers } from './list-interviews';
import { presentInterview, type Viewer } from './present-interview';

type PresentDeps = Pick<InterviewDeps, 'users'>;

/**
 * The interviews as this viewer may see them, each interviewer loaded once. Every viewer sees the same
 * fields since the start URL left the response; the viewer stays the seam for any that differ.
 */
export async function presentInterviewsForViewer(deps: PresentDeps, records: InterviewRecord[], _viewer: Viewer): Promise<Interview[]> {
  const interviewers = await loadInterviewers(deps, records);
  return records.map((record) => presentInterview(record, interviewers.get(record.interviewerId) ?? null));
}

export async function presentInterviewForViewer(deps: PresentDeps, record: InterviewRecord, viewer: Viewer): Promise<Interview> {
  const [interview] = await presentInterviewsForViewer(deps, [record], viewer);
  return interview!;
}
