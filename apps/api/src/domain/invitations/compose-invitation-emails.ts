import type { NewOutboxMessage } from '../ports/outbox-repository';
import { invitationDetailLines } from './invitation-details';
import type { InterviewInvitation, InvitationParty } from './interview-invitation';

type Audience = NewOutboxMessage['audience'];

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** A header value on one line: line breaks would start a new header (CR/LF injection). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

export function formatWhen(start: Date, end: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(start);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time.format(start)}–${time.format(end)} (${timeZone})`;
}

/** Both zones written out: the interview's own and UTC, so nobody converts in their head. */
export function whenLines(invitation: InterviewInvitation): string[] {
  const lines = [formatWhen(invitation.start, invitation.end, invitation.timeZone)];
  if (invitation.timeZone !== 'UTC') lines.push(formatWhen(invitation.start, invitation.end, 'UTC'));
  return lines;
}

function subjectOf(invitation: InterviewInvitation, audience: Audience, sequence: number): string {
  const what = audience === 'candidate' ? `Interview for ${invitation.position}` : invitation.summary;
  if (invitation.method === 'CANCEL') return oneLine(`Cancelled: ${what}`);
  return oneLine(sequence === 0 ? `Invitation: ${what}` : `Updated invitation: ${what}`);
}

function greeting(party: InvitationParty): string {
  return `Hello ${party.name},`;
}

function intro(invitation: InterviewInvitation, audience: Audience, sequence: number): string {
  if (invitation.method === 'CANCEL') return audience === 'candidate' ? `Your interview for ${invitation.position} has been cancelled.` : `The interview with ${invitation.candidate.name} for ${invitation.position} has been cancelled.`;
  const updated = sequence > 0 ? ' The details have changed; this invitation replaces the previous one.' : '';
  return audience === 'candidate'
    ? `You are invited to an interview for ${invitation.position} with ${invitation.interviewer.name}.${updated}`
    : `You are interviewing ${invitation.candidate.name} for ${invitation.position}.${updated}`;
}

/**
 * One email per attendee for this version of the invitation, with the `.ics` attached. Both carry
 * only what the invitation holds (what a candidate may see): no notes, no host account, no start link.
 */
export function composeInvitationEmails(invitation: InterviewInvitation, sequence: number, ics: string): NewOutboxMessage[] {
  const recipients: [Audience, InvitationParty][] = [
    ['candidate', invitation.candidate],
    ['interviewer', invitation.interviewer],
    // Every panel member gets the interviewer's email and the calendar entry, not only the first.
    ...(invitation.otherInterviewers ?? []).map((member): [Audience, InvitationParty] => ['interviewer', member]),
  ];
  return recipients
    .filter(([, party]) => party.email !== '')
    .map(([audience, party]) =>
      emailWithInvite(invitation, { audience, party, sequence, ics, subject: subjectOf(invitation, audience, sequence), intro: intro(invitation, audience, sequence) }),
    );
}

/**
 * The email that takes the interview off the calendar of someone removed from its panel: `invitation` is
 * the cancellation addressed to them alone (its `interviewer`), and the interview itself goes on.
 */
export function composeRemovedFromPanelEmail(invitation: InterviewInvitation, sequence: number, ics: string): NewOutboxMessage {
  return emailWithInvite(invitation, {
    audience: 'interviewer',
    party: invitation.interviewer,
    sequence,
    ics,
    subject: oneLine(`No longer on the panel: ${invitation.summary}`),
    intro: `You are no longer on the panel for the interview with ${invitation.candidate.name} for ${invitation.position}; it is removed from your calendar.`,
    idempotencySuffix: ':removed',
  });
}

function emailWithInvite(
  invitation: InterviewInvitation,
  email: { audience: Audience; party: InvitationParty; sequence: number; ics: string; subject: string; intro: string; idempotencySuffix?: string },
): NewOutboxMessage {
  const { audience, party, sequence, ics, subject } = email;
  const method = invitation.method;
  const paragraphs = [greeting(party), email.intro, whenLines(invitation).join('\n'), invitationDetailLines(invitation).join('\n')];
  const html = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`).join('\n');
  return {
    idempotencyKey: `${invitation.interviewId}:${sequence}:${party.email.toLowerCase()}${email.idempotencySuffix ?? ''}`,
    interviewId: invitation.interviewId,
    kind: method === 'CANCEL' ? 'cancellation' : 'invitation',
    audience,
    sequence,
    to: { name: oneLine(party.name), email: party.email },
    subject,
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html><body>${html}</body></html>`,
    attachments: [{ filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }],
  } satisfies NewOutboxMessage;
}
