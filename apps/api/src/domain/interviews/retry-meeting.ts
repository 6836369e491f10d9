import type { Interview } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { RequestContext } from '../ports/request-context';
import { findInterviewOrThrow } from './find-interview-or-throw';
import type { InterviewDeps } from './interview-deps';
import type { Viewer } from './present-interview';
import { presentInterviewForViewer } from './present-interview-for-viewer';
import { syncNow } from './sync-interview-meeting';

/**
 * "Retry now" for a meeting change that `failed` (after its cause was fixed, e.g. the interviewer
 * reconnected) or is `pending` (without waiting for the worker's backoff). Recorded in the audit log.
 */
export async function retryMeeting(deps: InterviewDeps, viewer: Viewer, id: string, context: RequestContext): Promise<Interview> {
  const before = await findInterviewOrThrow(deps, id);
  const { status, pendingAction } = before.meeting;
  if (status !== 'failed' && status !== 'pending') {
    throw new AppError({ code: 'conflict', status: 409, message: `The meeting is ${status}: there is nothing to retry` });
  }
  const after = (await syncNow(deps, id)) ?? before;
  const actor = await deps.users.findById(viewer.userId);
  const interviewer = await deps.users.findById(before.interviewerId);
  await recordAuditEvent(deps.audit, {
    type: 'meeting.retried',
    actor: { userId: viewer.userId, email: actor?.email ?? null, kind: 'user' },
    subject: { userId: before.interviewerId, email: interviewer?.email ?? null },
    context,
    details: { interviewId: id, action: pendingAction, from: status, to: after.meeting.status, lastErrorCode: after.meeting.lastError?.code ?? null },
  });
  return presentInterviewForViewer(deps, after, viewer);
}
