import type { InterviewInvitation } from './interview-invitation';

export const RECORDING_NOTICE = 'This interview is recorded automatically. By joining you are informed that it will be recorded.';

/** The meeting details as lines of plain text, shared by the calendar entry and the emails. */
export function invitationDetailLines(invitation: InterviewInvitation): string[] {
  if (invitation.method === 'CANCEL') return ['This interview has been cancelled.'];
  const lines: string[] = [];
  if (invitation.joinUrl) {
    lines.push(`Join Zoom meeting: ${invitation.joinUrl}`);
    if (invitation.meetingId) lines.push(`Meeting ID: ${formatMeetingId(invitation.meetingId)}`);
    // A meeting without a passcode says so, rather than "Passcode: undefined".
    if (invitation.passcode) lines.push(`Passcode: ${invitation.passcode}`);
  } else {
    lines.push('The Zoom link will follow in an updated invitation.');
  }
  if (invitation.recorded) lines.push('', RECORDING_NOTICE);
  if (invitation.agenda) lines.push('', 'Agenda:', invitation.agenda);
  return lines;
}

/** Zoom's own spacing: 123 4567 8901. */
export function formatMeetingId(id: string): string {
  return /^\d{10,11}$/.test(id) ? `${id.slice(0, 3)} ${id.slice(3, id.length - 4)} ${id.slice(-4)}` : id;
}
