import { DateTime } from 'luxon';
import type { HostReason } from '@crm/shared/interviews';
import type { AuditEventRecord } from '../ports/audit-repository';

/** Display names of the CRM users an event mentions, by id (absent: the event's email stands in). */
export type UserNames = ReadonlyMap<string, string>;

const HOST_REASONS: Partial<Record<HostReason, string>> = {
  not_connected: 'the interviewer has not connected Zoom',
  needs_reconnect: "the interviewer's Zoom connection needs reconnecting",
  interviewer_token_rejected: "Zoom rejected the interviewer's token",
  interviewer_daily_limit: "the interviewer's Zoom account reached its daily meeting limit",
  interviewer_refresh_failed: "Zoom refused to renew the interviewer's access",
  interviewer_disconnected: "the interviewer's Zoom connection ended",
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function who(names: UserNames, party: { userId: string | null; email: string | null }, fallback: string): string {
  const name = party.userId ? names.get(party.userId) : undefined;
  if (name && party.email) return `${name} (${party.email})`;
  return name ?? party.email ?? fallback;
}

/** The acting person by name alone (the sentence's subject reads better without an email). */
function actorName(names: UserNames, event: AuditEventRecord): string {
  if (event.actor.kind === 'zoom') return 'Zoom';
  if (event.actor.kind === 'system' || (!event.actor.userId && !event.actor.email)) return 'The CRM';
  return (event.actor.userId && names.get(event.actor.userId)) || event.actor.email || 'Someone';
}

/** "10:00" in the interview's own zone, with the date when the two times fall on different days. */
function localTime(iso: unknown, zone: string): string | null {
  const value = text(iso);
  if (!value) return null;
  const time = DateTime.fromISO(value, { zone });
  return time.isValid ? time.toFormat('ccc d LLL yyyy, HH:mm') : null;
}

function interviewOf(details: Record<string, unknown>): string {
  const candidate = text(details.candidateName);
  return candidate ? `${candidate}'s interview` : 'an interview';
}

function hostReason(value: unknown): string {
  const reason = text(value);
  return reason ? (HOST_REASONS[reason as HostReason] ?? reason.replace(/_/g, ' ')) : 'no reason recorded';
}

/**
 * One sentence per event, from its structured details (e.g. "Rita Recruiter rescheduled Grace Hopper's
 * interview from Mon 3 Mar 2031, 10:00 to Mon 3 Mar 2031, 11:00 (America/New_York)"). Events recorded
 * before a field existed still read sensibly: every detail is optional.
 */
export function describeAuditEvent(event: AuditEventRecord, names: UserNames): string {
  const d = event.details;
  const actor = actorName(names, event);
  const subject = who(names, event.subject, 'an unknown user');
  const zone = text(d.timeZone) ?? 'UTC';
  switch (event.type) {
    case 'interview.scheduled': {
      const at = localTime(d.startTime, zone);
      const host = d.hostSource === 'system' ? "on the organisation's Zoom account" : d.hostSource === 'interviewer' ? "on the interviewer's own Zoom" : 'with the meeting still being created';
      return `${actor} scheduled ${interviewOf(d)}${text(d.position) ? ` for ${String(d.position)}` : ''} with ${subject}${at ? ` at ${at} (${zone})` : ''}, ${host}.`;
    }
    case 'interview.rescheduled': {
      const from = localTime(d.fromStartTime, zone);
      const to = localTime(d.toStartTime, zone);
      if (from && to && from !== to) return `${actor} rescheduled ${interviewOf(d)} from ${from} to ${to} (${zone}).`;
      return `${actor} changed the details of ${interviewOf(d)}${to ? ` at ${to} (${zone})` : ''}.`;
    }
    case 'interview.cancelled':
      return `${actor} cancelled ${interviewOf(d)}${localTime(d.startTime, zone) ? ` planned for ${localTime(d.startTime, zone)} (${zone})` : ''}; the Zoom meeting is deleted and the candidate told.`;
    case 'meeting.fallback':
      return `The meeting for ${interviewOf(d)} is hosted on the organisation's Zoom account because ${hostReason(d.reason)}.`;
    case 'meeting.failed':
      return `The Zoom meeting for ${interviewOf(d)} could not be ${text(d.action) === 'delete' ? 'deleted' : text(d.action) === 'update' ? 'updated' : 'created'}: ${text(d.message) ?? text(d.code) ?? 'no reason given'}.`;
    case 'meeting.retried':
      return `${actor} retried the meeting ${text(d.action) ?? 'change'} for ${interviewOf(d)}: ${text(d.from) ?? '?'} → ${text(d.to) ?? '?'}${text(d.lastErrorCode) ? ` (${String(d.lastErrorCode)})` : ''}.`;
    case 'meeting.rehosted':
      return `The meeting for ${interviewOf(d)} moved to the organisation's Zoom account because ${hostReason(d.reason)}${d.previousMeetingDeleted === false ? '; the old join link may still open' : ''}.`;
    case 'zoom.connected':
      return `${subject} connected Zoom${text(d.zoomEmail) ? ` as ${String(d.zoomEmail)}` : ''}.`;
    case 'zoom.disconnected': {
      const moved = typeof d.meetingsMoved === 'number' && d.meetingsMoved > 0 ? `; ${d.meetingsMoved} upcoming meeting${d.meetingsMoved === 1 ? '' : 's'} moved to the organisation's account` : '';
      const revoke = d.revokeAtZoom === 'requested' ? '; access revoked at Zoom' : '';
      return d.by === 'admin' ? `${actor} force-disconnected ${subject}'s Zoom${moved}${revoke}.` : `${subject} disconnected Zoom${moved}${revoke}.`;
    }
    case 'zoom.refresh_failed':
      return `Zoom refused to renew ${subject}'s access${text(d.reason) ? ` (${String(d.reason)})` : ''}; they must reconnect Zoom.`;
    case 'zoom.deauthorized':
      return `${subject} removed the CRM app in Zoom; the connection ended.`;
    case 'zoom.keys_rotated':
      return `${actor} re-encrypted the stored Zoom tokens with the current key.`;
    case 'user.created':
      return `${actor} created ${subject} as ${text(d.role) ?? 'a user'}.`;
    case 'user.provisioned':
      return `${subject} signed in by SSO for the first time and was given the ${text(d.role) ?? '?'} role${Array.isArray(d.groups) && d.groups.length > 0 ? ` (groups: ${d.groups.join(', ')})` : ''}.`;
    case 'user.invited':
      return `${actor} invited ${subject} as ${text(d.role) ?? 'a user'}${d.ssoOnly ? ' (SSO sign-in only)' : ' with a set-password link'}.`;
    case 'user.invite_resent':
      return `${actor} sent ${subject} a new set-password link.`;
    case 'user.deactivated':
      return `${actor} deactivated ${subject}: signed out everywhere, Zoom disconnected.`;
    case 'user.reactivated':
      return `${actor} reactivated ${subject}.`;
    case 'user.role_changed':
      return `${actor} changed ${subject}'s role from ${text(d.from) ?? '?'} to ${text(d.to) ?? '?'}.`;
    case 'user.password_changed':
      return `${subject} changed their password${text(d.method) === 'invite' ? ' from an invitation link' : ''}; their other sessions ended.`;
    case 'user.sessions_ended':
      return `${subject} signed out everywhere.`;
    case 'auth.signed_in':
      return `${subject} signed in ${d.method === 'sso' ? 'by SSO' : 'with a password'}.`;
    case 'auth.sign_in_failed':
      return `Sign-in ${d.method === 'sso' ? 'by SSO' : 'with a password'} refused for ${event.subject.email ?? 'an unknown person'}: ${text(d.reason) ?? 'no reason given'}.`;
    default:
      return `${actor}: ${String(event.type)}.`;
  }
}
