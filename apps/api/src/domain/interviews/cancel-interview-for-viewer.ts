import type { Interview } from '@crm/shared/interviews';
import { cancelInterview } from './change-interview';
import { recordInterviewEvent } from '../scheduling/interview-history';
import { findInterviewOrThrow } from './find-interview-or-throw';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';

export async function cancelInterviewForViewer(deps: InterviewDeps, viewer: Viewer, id: string): Promise<Interview> {
  const wasCancelled = (await findInterviewOrThrow(deps, id)).status === 'cancelled';
  const cancelled = await cancelInterview(deps, id);
  if (!wasCancelled) await recordInterviewEvent(deps, viewer, 'interview.cancelled', cancelled);
  await deps.onInterviewChanged(cancelled);
  return presentInterviewForViewer(deps, cancelled, viewer);
}
