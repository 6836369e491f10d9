import { ZOOM_NUDGE_ADMIN_WINDOW_HOURS, ZOOM_NUDGE_RECIPIENT_WINDOW_HOURS, type ZoomNudgeRefusalDetails, type ZoomNudgeResponse } from '@crm/shared/reminders';
import { AppError } from '../../errors/app-error';
import { recordAuditEvent } from '../audit/record-audit-event';
import { composeZoomConnectNudgeEmail, type ReminderRecipient } from '../invitations/compose-reminder-emails';
import type { RequestContext } from '../ports/request-context';
import { unconnectedRecipient } from './find-zoom-reconnect-reminders';
import type { ReminderDeps } from './reminder-deps';

const HOUR_MS = 60 * 60_000;
const ADMIN_WINDOW_MS = ZOOM_NUDGE_ADMIN_WINDOW_HOURS * HOUR_MS;
const RECIPIENT_WINDOW_MS = ZOOM_NUDGE_RECIPIENT_WINDOW_HOURS * HOUR_MS;

const adminKey = (adminId: string) => `zoom-nudge-admin:${adminId}`;
const recipientKey = (userId: string) => `zoom-nudge-recipient:${userId}`;

/** The 429 for a nudge within the admin's window, saying when the next one may go. */
export class NudgeTooSoon extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAt: Date, now: Date) {
    const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    const details: ZoomNudgeRefusalDetails = { reason: 'zoom_nudge_too_soon', retryAt: retryAt.toISOString(), retryAfterSeconds };
    super({ code: 'rate_limited', status: 429, message: `You sent a Zoom nudge less than ${ZOOM_NUDGE_ADMIN_WINDOW_HOURS} hour ago; you can send the next one at ${details.retryAt}`, details });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * An admin's "please connect Zoom": one email through the outbox to every active interviewer whose Zoom
 * is not connected (or needs a reconnect), with one audit event naming how many were nudged. Limits, on
 * counters every instance shares: one bulk nudge per admin per hour (else 429 with when to try again),
 * and at most one nudge per interviewer per 24 h whoever sends it (the others are counted as skipped).
 */
export async function nudgeUnconnectedInterviewers(deps: ReminderDeps, adminId: string, context: RequestContext): Promise<ZoomNudgeResponse> {
  if (!deps.emailEnabled) {
    throw new AppError({ code: 'service_unavailable', status: 503, message: 'Email is not configured on this server (SMTP_URL), so no nudge can be sent' });
  }
  const now = deps.clock.now();
  const admin = await deps.users.findById(adminId);
  const window = await deps.rateLimits.hit(adminKey(adminId), ADMIN_WINDOW_MS);
  if (window.count > 1) throw new NudgeTooSoon(window.resetAt, now);

  try {
    const interviewers = await deps.users.list({ role: 'interviewer' });
    const recipients = interviewers.map(unconnectedRecipient).filter((recipient): recipient is ReminderRecipient => recipient !== null);
    const due: { recipient: ReminderRecipient; windowKey: string }[] = [];
    for (const recipient of recipients) {
      const recipientWindow = await deps.rateLimits.hit(recipientKey(recipient.id), RECIPIENT_WINDOW_MS);
      // The window's own start names it, so two racing nudges in one window write one email.
      if (recipientWindow.count === 1) due.push({ recipient, windowKey: String(recipientWindow.resetAt.getTime() - RECIPIENT_WINDOW_MS) });
    }
    const sender = { name: admin?.name ?? 'Your administrator' };
    const nudged = await deps.atomically(async () => {
      let created = 0;
      for (const { recipient, windowKey } of due) {
        if ((await deps.outbox.enqueue(composeZoomConnectNudgeEmail(recipient, sender, deps.accountSettingsUrl, windowKey), now)).created) created += 1;
      }
      await recordAuditEvent(deps.audit, {
        type: 'zoom.nudge_sent',
        actor: { userId: adminId, email: admin?.email ?? null, kind: 'user' },
        subject: { userId: null, email: null },
        context,
        details: { nudged: created, skippedRecentlyNudged: recipients.length - created },
        at: now,
      });
      return created;
    });
    deps.logger.info({ adminId, nudged, unconnected: recipients.length }, 'Zoom connect nudge sent');
    return { nudged, skippedRecentlyNudged: recipients.length - nudged, nextNudgeAt: window.resetAt.toISOString() };
  } catch (error) {
    // A nudge that wrote nothing does not use up the admin's hour.
    await deps.rateLimits.undo(adminKey(adminId)).catch(() => undefined);
    throw error;
  }
}
