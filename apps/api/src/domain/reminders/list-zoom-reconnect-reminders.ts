import type { ZoomReconnectReminder } from '@crm/shared/reminders';
import { dueZoomReconnectReminders, unconnectedRecipient } from './find-zoom-reconnect-reminders';
import type { ReminderDeps } from './reminder-deps';

/** The banner's content: the same interviews the reminder email is (or will be) about, for the signed-in user. */
export async function listZoomReconnectReminders(deps: Pick<ReminderDeps, 'users' | 'interviews' | 'leadMs' | 'fallbackAvailable' | 'clock'>, userId: string): Promise<ZoomReconnectReminder[]> {
  const user = await deps.users.findById(userId);
  const recipient = user ? unconnectedRecipient(user) : null;
  if (!user || !recipient) return [];
  const interviews = await dueZoomReconnectReminders(deps, user, deps.clock.now());
  return interviews.map((interview) => ({
    interviewId: interview.id,
    candidateName: interview.candidateName,
    position: interview.position,
    startTime: interview.startTime.toISOString(),
    timeZone: interview.timeZone,
    zoomState: recipient.zoomState,
  }));
}
