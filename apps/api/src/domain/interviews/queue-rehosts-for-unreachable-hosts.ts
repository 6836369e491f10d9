import type { RehostRequest } from '../ports/interview-repository';
import type { InterviewDeps } from './interview-deps';

/**
 * Interviewers whose own Zoom account the CRM can no longer use (disconnected by them or an admin,
 * the app removed in Zoom, a connection that needs reconnecting, a deactivated user): their upcoming
 * meetings are queued to move to the organisation's account, which the worker then does. Run by the
 * worker each pass, so every way a connection ends is covered by one rule. Returns the interviews queued.
 */
export async function queueRehostsForUnreachableHosts(deps: Pick<InterviewDeps, 'users' | 'interviews' | 'clock' | 'logger'>): Promise<string[]> {
  const interviewers = await deps.users.list({ role: 'interviewer' });
  const requests: RehostRequest[] = interviewers
    .filter((user) => user.zoomConnectionState !== 'connected')
    .map((user) => ({ interviewerId: user.id, reason: user.zoomConnectionState === 'needs_reconnect' ? 'needs_reconnect' : 'interviewer_disconnected' }));
  if (requests.length === 0) return [];
  const queued = await deps.interviews.markForRehost(requests, deps.clock.now());
  if (queued.length > 0) deps.logger.info({ count: queued.length }, "queued meetings to move to the organisation's Zoom account: their host's connection ended");
  return queued;
}
