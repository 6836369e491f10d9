import type { Interview, UpdateInterviewRequest } from '@crm/shared/interviews';
import { rescheduleInterview } from './change-interview';
import { interviewChanges, recordInterviewEvent } from '../scheduling/interview-history';
import { findInterviewOrThrow } from './find-interview-or-throw';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';

export async function rescheduleInterviewForViewer(deps: InterviewDeps, viewer: Viewer, id: string, input: UpdateInterviewRequest): Promise<Interview> {
  const before = await findInterviewOrThrow(deps, id);
  const changed = await rescheduleInterview(deps, id, input);
  const changes = interviewChanges(before, changed);
  if (changes.length > 0) await recordInterviewEvent(deps, viewer, 'interview.rescheduled', changed, { changes, ...(input.allowConflict ? { allowedConflict: true } : {}) });
  await deps.onInterviewChanged(changed);
  return presentInterviewForViewer(deps, changed, viewer);
}
