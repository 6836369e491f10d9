import type { NewOutboxMessage } from '../ports/outbox-repository';
import { escapeHtml, formatWhen, oneLine } from './compose-invitation-emails';

/** The interviewer a reminder goes to, and why their own Zoom cannot host. */
export interface ReminderRecipient {
  id: string;
  name: string;
  email: string;
  zoomState: 'needs_reconnect' | 'not_connected';
}

export interface RemindedInterview {
  id: string;
  candidateName: string;
  position: string;
  startTime: Date;
  endTime: Date;
  timeZone: string;
}

const WHY_NOT_OWN_ZOOM: Record<ReminderRecipient['zoomState'], string> = {
  needs_reconnect: 'Zoom no longer accepts your connection to Interview CRM',
  not_connected: 'your Zoom account is not connected to Interview CRM',
};

/** Paragraphs as plain text and as HTML (every piece escaped; the one link made clickable). */
function bodies(paragraphs: string[], link: { label: string; url: string }): { text: string; html: string } {
  const text = [...paragraphs, `${link.label}: ${link.url}`].join('\n\n');
  const html = [
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
  ].join('\n');
  return { text, html: `<!doctype html><html><body>${html}</body></html>` };
}

function whenLines(interview: RemindedInterview): string {
  const lines = [formatWhen(interview.startTime, interview.endTime, interview.timeZone)];
  if (interview.timeZone !== 'UTC') lines.push(formatWhen(interview.startTime, interview.endTime, 'UTC'));
  return lines.join('\n');
}

/**
 * The reminder an interviewer gets ahead of an interview the system account will host because their own
 * Zoom cannot. Its key is the interview, the interviewer and the kind: one such email per interview, ever,
 * however many passes, restarts or instances see it due. No meeting link of any kind: the interviewer
 * starts from the CRM, and a start link is a host credential.
 */
export function composeZoomReconnectReminderEmail(recipient: ReminderRecipient, interview: RemindedInterview, accountSettingsUrl: string): NewOutboxMessage {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: interview.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(interview.startTime);
  const { text, html } = bodies(
    [
      `Hello ${oneLine(recipient.name)},`,
      `Your interview with ${oneLine(interview.candidateName)} for ${oneLine(interview.position)} is coming up:\n${whenLines(interview)}`,
      // Not "unless you reconnect": a meeting already made on the system account stays there (meeting-host.ts).
      `Because ${WHY_NOT_OWN_ZOOM[recipient.zoomState]}, it will be hosted on the organisation's Zoom account (the system account), not yours. You can still start it from Interview CRM as usual.`,
      'Reconnect Zoom so that the interviews you host run on your own Zoom account.',
    ],
    { label: 'Reconnect Zoom in Account Settings', url: accountSettingsUrl },
  );
  return {
    idempotencyKey: `zoom_reconnect_reminder:${interview.id}:${recipient.id}`,
    interviewId: interview.id,
    kind: 'zoom_reconnect_reminder',
    audience: 'interviewer',
    sequence: 0,
    to: { name: oneLine(recipient.name), email: recipient.email },
    subject: oneLine(`Reconnect Zoom before your interview with ${interview.candidateName} (${day} ${interview.timeZone})`),
    text,
    html,
    attachments: [],
  };
}

/**
 * An admin's "please connect Zoom" to one interviewer. `windowKey` names the recipient's rate-limit
 * window, so the same window never yields two emails even when two nudges race.
 */
export function composeZoomConnectNudgeEmail(recipient: ReminderRecipient, sender: { name: string }, accountSettingsUrl: string, windowKey: string): NewOutboxMessage {
  const { text, html } = bodies(
    [
      `Hello ${oneLine(recipient.name)},`,
      `${oneLine(sender.name)} asks you to connect your Zoom account to Interview CRM: ${WHY_NOT_OWN_ZOOM[recipient.zoomState]}, so the interviews you host are created on the organisation's Zoom account (the system account) instead of yours.`,
      'It takes a minute: open Account Settings, choose Connect Zoom (or Reconnect) and allow access in Zoom.',
    ],
    { label: 'Connect Zoom in Account Settings', url: accountSettingsUrl },
  );
  return {
    idempotencyKey: `zoom_connect_nudge:${recipient.id}:${windowKey}`,
    interviewId: null,
    kind: 'zoom_connect_nudge',
    audience: 'interviewer',
    sequence: 0,
    to: { name: oneLine(recipient.name), email: recipient.email },
    subject: 'Please connect your Zoom account to Interview CRM',
    text,
    html,
    attachments: [],
  };
}
