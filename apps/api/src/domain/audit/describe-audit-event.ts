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
      if (d.job === 'meeting-sync-worker') {
        return `The meeting worker gave up on the Zoom meeting for ${interviewOf(d)} after ${typeof d.attempts === 'number' ? d.attempts : '?'} attempt${d.attempts === 1 ? '' : 's'}: it could not be ${text(d.action) === 'delete' ? 'deleted' : text(d.action) === 'update' ? 'updated' : 'created'} (${text(d.message) ?? text(d.code) ?? 'no reason given'}).`;
      }
      return `The Zoom meeting for ${interviewOf(d)} could not be ${text(d.action) === 'delete' ? 'deleted' : text(d.action) === 'update' ? 'updated' : 'created'}: ${text(d.message) ?? text(d.code) ?? 'no reason given'}.`;
    case 'meeting.retried': {
      const why = d.cause === 'fallback_host_free' ? ' because a fallback host came free at its time' : '';
      return `${actor} retried the meeting ${text(d.action) ?? 'change'} for ${interviewOf(d)}${why}: ${text(d.from) ?? '?'} → ${text(d.to) ?? '?'}${text(d.lastErrorCode) ? ` (${String(d.lastErrorCode)})` : ''}.`;
    }
    case 'meeting.rehosted': {
      const to = d.toHostSource === 'interviewer' ? `another panel member's Zoom account${text(d.toHostZoomEmail) ? ` (${String(d.toHostZoomEmail)})` : ''}` : "the organisation's Zoom account";
      return `The meeting for ${interviewOf(d)} moved to ${to} because ${hostReason(d.reason)}${d.previousMeetingDeleted === false ? '; the old join link may still open' : ''}.`;
    }
    case 'zoom.connected': {
      const as = text(d.zoomEmail) ? ` as ${String(d.zoomEmail)}` : '';
      if (d.cause !== 'reconnected') return `${subject} connected Zoom${as}.`;
      if (d.previousState === 'needs_reconnect') return `${subject} reconnected Zoom${as} after Zoom had stopped accepting the connection.`;
      return `${subject} reconnected Zoom${as}${text(d.previousZoomEmail) && d.previousZoomEmail !== d.zoomEmail ? `, replacing the connection as ${String(d.previousZoomEmail)}` : ''}.`;
    }
    case 'zoom.disconnected':
      return describeDisconnect(d, actor, subject);
    case 'zoom.refresh_failed':
      if (d.cause === 'token_rejected') return `Zoom rejected ${subject}'s access token even after renewing it; they must reconnect Zoom.`;
      return `Zoom refused to renew ${subject}'s access (the grant was revoked, or renewed outside the CRM); they must reconnect Zoom.`;
    case 'zoom.deauthorized':
      return `${subject} removed the CRM app in Zoom (Zoom's app_deauthorized event); the connection ended and their tokens were deleted.`;
    case 'zoom.event_applied':
      return describeZoomEventApplied(d, zone);
    case 'settings.changed':
      return describeSettingsChange(d, actor, event.actor.userId !== null && event.actor.userId === event.subject.userId ? 'their' : `${subject}'s`);
    case 'job.failed':
      return describeJobFailure(d);
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

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

function describeDisconnect(d: Record<string, unknown>, actor: string, subject: string): string {
  const movedNow = typeof d.meetingsMoved === 'number' ? d.meetingsMoved : 0;
  const queued = typeof d.meetingsQueuedToMove === 'number' ? d.meetingsQueuedToMove : 0;
  const moved = [
    // To the next panel member who can host, else the organisation's account (one meeting.rehosted each says which).
    movedNow > 0 ? `${plural(movedNow, 'upcoming meeting')} moved off their Zoom account` : '',
    queued > 0 ? `${plural(queued, 'upcoming meeting')} ${queued === 1 ? 'is' : 'are'} moving off their Zoom account` : '',
  ]
    .filter(Boolean)
    .map((part) => `; ${part}`)
    .join('');
  const revoke = d.revokeAtZoom === 'requested' ? '; access revoked at Zoom' : '';
  if (d.cause === 'user_deactivated') return `${subject}'s Zoom was disconnected because ${actor} deactivated their account${moved}${revoke}.`;
  return d.by === 'admin' ? `${actor} force-disconnected ${subject}'s Zoom${moved}${revoke}.` : `${subject} disconnected Zoom${moved}${revoke}.`;
}

const ATTENDANCE_VERBS: Record<string, string> = {
  'meeting.participant_joined': 'joined',
  'meeting.participant_left': 'left',
  'meeting.participant_jbh_waiting': 'is waiting for the host in',
  'meeting.participant_jbh_joined': 'joined before the host',
  'meeting.participant_put_in_waiting_room': 'was put in the waiting room of',
  'meeting.participant_admitted': 'was admitted to',
};

const CHANGED_FIELD: Record<string, string> = { startTime: 'start', durationMinutes: 'duration (minutes)', timeZone: 'time zone', topic: 'topic' };

function describeZoomEventApplied(d: Record<string, unknown>, zone: string): string {
  const event = text(d.zoomEvent) ?? 'an event';
  const interview = interviewOf(d);
  const by = text(d.operator) ? ` by ${String(d.operator)}` : '';
  switch (event) {
    case 'meeting.updated': {
      const changes = Array.isArray(d.changes) ? (d.changes as { field?: unknown; from?: unknown; to?: unknown }[]) : [];
      const listed = changes.map((change) => {
        const field = text(change.field) ?? '?';
        const value = (v: unknown) => (field === 'startTime' ? (localTime(v, zone) ?? '?') : (text(v) ?? '?'));
        return `${CHANGED_FIELD[field] ?? field} ${value(change.from)} → ${value(change.to)}`;
      });
      return `The Zoom meeting of ${interview} was changed in Zoom${by} (meeting.updated): ${listed.join(', ') || 'details'}${changes.some((c) => c.field === 'startTime') ? ` (${zone})` : ''}; the interview follows.`;
    }
    case 'meeting.deleted':
      return `The Zoom meeting of ${interview} was deleted in Zoom${by} (meeting.deleted); reschedule to create a new one, or cancel the interview.`;
    case 'meeting.started':
      return `Zoom reported that the meeting of ${interview} started (meeting.started).`;
    case 'meeting.ended':
      return `Zoom reported that the meeting of ${interview} ended (meeting.ended)${text(d.outcome) === 'attendance_updated_caught_up' ? '; attendance was filled in from Zoom\'s participant report' : ''}.`;
    case 'recording.completed':
      return `Zoom's cloud recording of ${interview} is attached (recording.completed).`;
    case 'recording.transcript_completed':
      return `The transcript of ${interview} is attached (recording.transcript_completed).`;
    default: {
      const verb = ATTENDANCE_VERBS[event];
      if (!verb) return `Zoom's ${event} was applied to ${interview}.`;
      const role = d.participantRole === 'candidate' ? 'the candidate' : d.participantRole === 'host' ? 'the host' : 'a guest';
      const name = text(d.participantName);
      return `${name ? `${name} (${role})` : role.charAt(0).toUpperCase() + role.slice(1)} ${verb} the meeting of ${interview} (${event}).`;
    }
  }
}

const SETTING_NAMES: Record<string, string> = {
  scheduling_policy: 'the scheduling policy',
  transcript_retention: 'transcript retention',
  meeting_defaults: 'meeting defaults',
};

const SETTING_FIELDS: Record<string, string> = {
  requireInterviewerZoom: 'interviewers must host on their own Zoom',
  transcriptRetentionDays: 'transcripts kept (days)',
  waitingRoom: 'waiting room',
  autoRecording: 'automatic recording',
  joinBeforeHost: 'join before host',
  muteUponEntry: 'mute on entry',
};

function settingValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return value === null || value === undefined ? '?' : JSON.stringify(value);
}

function describeSettingsChange(d: Record<string, unknown>, actor: string, whose: string): string {
  const changes = Array.isArray(d.changes) ? (d.changes as { field?: unknown; from?: unknown; to?: unknown }[]) : [];
  const listed = changes.map((change) => `${SETTING_FIELDS[text(change.field) ?? ''] ?? text(change.field) ?? '?'} ${settingValue(change.from)} → ${settingValue(change.to)}`).join('; ');
  const setting = text(d.setting) ?? 'a setting';
  if (setting === 'meeting_defaults') return `${actor} changed ${whose} meeting defaults: ${listed}.`;
  return `${actor} changed ${SETTING_NAMES[setting] ?? setting.replace(/_/g, ' ')}: ${listed}.`;
}

const JOB_NAMES: Record<string, string> = {
  'meeting-sync-worker': 'The meeting worker',
  'mail-outbox-worker': 'The email outbox',
  'zoom-reconnect-reminders': 'The Zoom reconnect reminder job',
  'transcript-retention': 'The transcript retention job',
  'zoom-event-processor': 'The Zoom event processor',
};

function describeJobFailure(d: Record<string, unknown>): string {
  const job = JOB_NAMES[text(d.job) ?? ''] ?? `The ${text(d.job) ?? 'background'} job`;
  const why = text(d.message) ?? 'no reason given';
  if (text(d.outboxId)) {
    return `${job} gave up on the email "${text(d.subject) ?? '?'}" to ${text(d.to) ?? '?'} after ${plural(typeof d.attempts === 'number' ? d.attempts : 0, 'attempt')}${d.permanent ? ' (the mail server refused it for good)' : ''}: ${why}.`;
  }
  if (text(d.zoomEventId)) {
    return `${job} gave up on Zoom's ${text(d.zoomEvent) ?? 'event'} after ${plural(typeof d.attempts === 'number' ? d.attempts : 0, 'attempt')}: ${why}.`;
  }
  return `${job} failed ${plural(typeof d.failedPasses === 'number' ? d.failedPasses : 0, 'time')} in a row and keeps retrying: ${why}.`;
}
