import type { SimulatedMeeting } from '../state/meeting-store';
import type { MeetingActivity } from './live-meetings';
import { meetingEventBody, meetingObject } from './meeting-event-payloads';

export interface MeetingEditInZoom {
  start_time?: string;
  duration?: number;
  topic?: string;
  timezone?: string;
}

function zoomTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The host changes the meeting in Zoom's own app or web portal: Zoom sends `meeting.updated` with only the
 * changed fields in `object` (plus its id) and their earlier values in `old_object`.
 */
export function editMeetingInZoom(meeting: SimulatedMeeting, edit: MeetingEditInZoom, operator: { email: string; id: string }, nowMs: number, accountId: string): MeetingActivity {
  const changed: Record<string, unknown> = {};
  const old: Record<string, unknown> = {};
  if (edit.start_time !== undefined) {
    const parsed = Date.parse(edit.start_time);
    if (Number.isNaN(parsed)) throw new Error(`start_time ${edit.start_time} is not a date-time`);
    old.start_time = meeting.start_time;
    meeting.start_time = zoomTime(parsed);
    changed.start_time = meeting.start_time;
  }
  for (const field of ['duration', 'topic', 'timezone'] as const) {
    if (edit[field] === undefined) continue;
    old[field] = meeting[field];
    (meeting as unknown as Record<string, unknown>)[field] = edit[field];
    changed[field] = edit[field];
  }
  const body = meetingEventBody('meeting.updated', nowMs, accountId, { id: meeting.id, ...changed });
  const event = {
    ...body,
    payload: { ...body.payload, operator: operator.email, operator_id: operator.id, operation: 'single', old_object: { id: meeting.id, ...old }, time_stamp: nowMs },
  };
  return { participantId: null, events: [event] };
}

/** The host deletes the meeting in Zoom: `meeting.deleted` with the meeting as it was. */
export function deleteMeetingInZoom(meeting: SimulatedMeeting, operator: { email: string; id: string }, nowMs: number, accountId: string): MeetingActivity {
  meeting.deleted = true;
  meeting.deleted_at = new Date(nowMs).toISOString();
  const body = meetingEventBody('meeting.deleted', nowMs, accountId, meetingObject(meeting, meeting.uuid));
  return { participantId: null, events: [{ ...body, payload: { ...body.payload, operator: operator.email, operator_id: operator.id, operation: 'single' } }] };
}
