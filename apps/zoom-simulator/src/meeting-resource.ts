import { randomBytes, randomInt } from 'node:crypto';
import { formatZoomUtc, isValidTimeZone, parseZoomStartTime } from './meeting-time';
import type { SimulatedMeeting } from './state/meeting-store';
import type { SimulatedZoomUser } from './simulated-zoom-user';

/** What Zoom fills in when a create request leaves a setting out. */
const DEFAULT_MEETING_SETTINGS: Record<string, unknown> = {
  host_video: false,
  participant_video: false,
  cn_meeting: false,
  in_meeting: false,
  join_before_host: false,
  jbh_time: 0,
  mute_upon_entry: false,
  watermark: false,
  use_pmi: false,
  approval_type: 2,
  audio: 'both',
  auto_recording: 'none',
  enforce_login: false,
  enforce_login_domains: '',
  alternative_hosts: '',
  alternative_host_update_polls: false,
  close_registration: false,
  show_share_button: false,
  allow_multiple_devices: false,
  registrants_confirmation_email: true,
  waiting_room: false,
  request_permission_to_unmute_participants: false,
  registrants_email_notification: true,
  meeting_authentication: false,
  encryption_type: 'enhanced_encryption',
  approved_or_denied_countries_or_regions: { enable: false },
  breakout_room: { enable: false },
  internal_meeting: false,
  continuous_meeting_chat: { enable: false, auto_add_invited_external_users: false },
  participant_focused_meeting: false,
  push_change_to_calendar: false,
  resources: [],
  alternative_hosts_email_notification: true,
  show_join_info: false,
  device_testing: false,
  focus_mode: false,
  meeting_invitees: [],
  enable_dedicated_group_chat: false,
  private_meeting: false,
  email_notification: true,
  host_save_video_order: false,
  sign_language_interpretation: { enable: false, interpreters: [] },
  email_in_attendee_report: false,
};

export interface MeetingRequestBody {
  topic?: string;
  type?: number;
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  password?: string;
  settings?: Record<string, unknown>;
  recurrence?: unknown;
  tracking_fields?: unknown[];
  pre_schedule?: boolean;
}

export function buildMeeting(input: {
  id: number;
  host: SimulatedZoomUser;
  body: MeetingRequestBody;
  baseUrl: string;
  now: number;
  startToken: string;
}): SimulatedMeeting {
  const { id, host, body, baseUrl, now } = input;
  const timezone = body.timezone !== undefined && isValidTimeZone(body.timezone) ? body.timezone : host.timezone;
  const type = body.type ?? 2;
  const startMs = type === 1 || body.start_time === undefined ? now : (parseZoomStartTime(body.start_time, timezone) ?? now);
  const password = body.password ?? randomPasscode();
  const encryptedPassword = randomBytes(24).toString('base64url');
  return {
    id,
    uuid: randomBytes(16).toString('base64'),
    host_id: host.id,
    host_email: host.email,
    topic: body.topic ?? `${host.firstName} ${host.lastName}'s Zoom Meeting`,
    type,
    status: 'waiting',
    start_time: formatZoomUtc(startMs),
    duration: body.duration ?? 60,
    timezone,
    agenda: body.agenda ?? '',
    created_at: formatZoomUtc(now),
    join_url: `${baseUrl}/j/${id}?pwd=${encryptedPassword}`,
    start_url: startUrlOf(baseUrl, id, input.startToken),
    password,
    h323_password: numericPasscode(),
    pstn_password: numericPasscode(),
    encrypted_password: encryptedPassword,
    settings: mergeSettings(DEFAULT_MEETING_SETTINGS, body.settings ?? {}),
    pre_schedule: body.pre_schedule ?? false,
    ...(body.recurrence === undefined ? {} : { recurrence: body.recurrence }),
    ...(body.tracking_fields === undefined ? {} : { tracking_fields: body.tracking_fields }),
  };
}

export function startUrlOf(baseUrl: string, meetingId: number, zak: string): string {
  return `${baseUrl}/s/${meetingId}?zak=${zak}`;
}

/** PATCH semantics: only the fields sent change; settings merge key by key. */
export function applyMeetingUpdate(meeting: SimulatedMeeting, body: MeetingRequestBody, baseUrl: string): void {
  if (body.topic !== undefined) meeting.topic = body.topic;
  if (body.type !== undefined) meeting.type = body.type;
  if (body.duration !== undefined) meeting.duration = body.duration;
  if (body.agenda !== undefined) meeting.agenda = body.agenda;
  if (body.pre_schedule !== undefined) meeting.pre_schedule = body.pre_schedule;
  if (body.recurrence !== undefined) meeting.recurrence = body.recurrence;
  if (body.tracking_fields !== undefined) meeting.tracking_fields = body.tracking_fields;
  if (body.timezone !== undefined && isValidTimeZone(body.timezone)) meeting.timezone = body.timezone;
  if (body.start_time !== undefined) {
    const startMs = parseZoomStartTime(body.start_time, meeting.timezone);
    if (startMs !== undefined) meeting.start_time = formatZoomUtc(startMs);
  }
  if (body.password !== undefined) {
    meeting.password = body.password;
    meeting.encrypted_password = randomBytes(24).toString('base64url');
    meeting.join_url = `${baseUrl}/j/${meeting.id}?pwd=${meeting.encrypted_password}`;
  }
  if (body.settings !== undefined) meeting.settings = mergeSettings(meeting.settings, body.settings);
}

export function toMeetingResponse(meeting: SimulatedMeeting): Omit<SimulatedMeeting, 'deleted' | 'deleted_at'> {
  const { deleted: _deleted, deleted_at: _deletedAt, ...response } = meeting;
  return structuredClone(response);
}

export function toMeetingListItem(meeting: SimulatedMeeting) {
  return {
    uuid: meeting.uuid,
    id: meeting.id,
    host_id: meeting.host_id,
    topic: meeting.topic,
    type: meeting.type,
    start_time: meeting.start_time,
    duration: meeting.duration,
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    created_at: meeting.created_at,
    join_url: meeting.join_url,
  };
}

function mergeSettings(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeSettings(current, value) : structuredClone(value);
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function randomPasscode(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function numericPasscode(): string {
  return String(randomInt(100_000, 1_000_000));
}
