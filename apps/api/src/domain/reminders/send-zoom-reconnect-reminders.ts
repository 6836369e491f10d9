import { composeZoomReconnectReminderEmail } from '../invitations/compose-reminder-emails';
import { dueZoomReconnectReminders, unconnectedRecipient } from './find-zoom-reconnect-reminders';
import type { ReminderDeps } from './reminder-deps';

/**
 * One pass of the reminder job: writes a reconnect reminder to the outbox for every interview now within
 * the lead time whose interviewer's Zoom cannot host it. The outbox's idempotency key makes every pass
 * after the first (and every other instance, and every restart) a no-op for that interview. Returns how
 * many reminders this pass queued.
 */
export async function sendZoomReconnectReminders(deps: ReminderDeps, stopped: () => boolean = () => false): Promise<number> {
  if (!deps.emailEnabled || !deps.fallbackAvailable) return 0;
  const now = deps.clock.now();
  const interviewers = await deps.users.list({ role: 'interviewer' });
  let queued = 0;
  for (const interviewer of interviewers) {
    if (stopped()) break;
    const recipient = unconnectedRecipient(interviewer);
    if (!recipient) continue;
    for (const interview of await dueZoomReconnectReminders(deps, interviewer, now)) {
      const { created } = await deps.outbox.enqueue(composeZoomReconnectReminderEmail(recipient, interview, deps.accountSettingsUrl), now);
      if (created) queued += 1;
    }
  }
  if (queued > 0) deps.logger.info({ queued }, 'queued Zoom reconnect reminders');
  return queued;
}
