import type { SimulatorState } from '../state/simulator-state';
import type { MeetingEventBody } from './live-meetings';
import type { SimulatedMeeting } from '../state/meeting-store';
import { emitMeetingActivity } from './emit-meeting-activity';
import { meetingEventBody, meetingObject } from './meeting-event-payloads';

const WATCHED_FIELDS = ['topic', 'start_time', 'duration', 'timezone', 'agenda'] as const;
type Snapshot = Pick<SimulatedMeeting, (typeof WATCHED_FIELDS)[number]>;

export function snapshotOf(meeting: SimulatedMeeting): Snapshot {
  return { topic: meeting.topic, start_time: meeting.start_time, duration: meeting.duration, timezone: meeting.timezone, agenda: meeting.agenda };
}

/** Sends after the API's answer, as Zoom does: the caller never waits for its own echo. */
function emitLater(state: SimulatorState, events: MeetingEventBody[]): void {
  const { url, secretToken, emitApiChanges } = state.options.webhook;
  if (!emitApiChanges || !url || events.length === 0) return;
  setImmediate(() => {
    void emitMeetingActivity(state, { participantId: null, events }, { url, secretToken }).catch(() => undefined);
  });
}

function operatorOf(state: SimulatorState, zoomUserId: string): { operator: string; operator_id: string } {
  return { operator: state.users.byId(zoomUserId)?.email ?? '', operator_id: zoomUserId };
}

/** PATCH /v2/meetings/{id} changed the meeting: `meeting.updated` with the changed fields and their old values. */
export function emitApiMeetingUpdate(state: SimulatorState, meeting: SimulatedMeeting, before: Snapshot, callerZoomUserId: string): void {
  const changed: Record<string, unknown> = {};
  const old: Record<string, unknown> = {};
  for (const field of WATCHED_FIELDS) {
    if (meeting[field] === before[field]) continue;
    changed[field] = meeting[field];
    old[field] = before[field];
  }
  if (Object.keys(changed).length === 0) return;
  const accountId = state.users.byId(meeting.host_id)?.accountId ?? '';
  const body = meetingEventBody('meeting.updated', state.now(), accountId, { id: meeting.id, ...changed });
  emitLater(state, [
    { ...body, payload: { ...body.payload, ...operatorOf(state, callerZoomUserId), operation: 'single', old_object: { id: meeting.id, ...old }, time_stamp: state.now() } },
  ]);
}

/** DELETE /v2/meetings/{id}: `meeting.deleted` with the meeting as it was. */
export function emitApiMeetingDeletion(state: SimulatorState, meeting: SimulatedMeeting, callerZoomUserId: string): void {
  const accountId = state.users.byId(meeting.host_id)?.accountId ?? '';
  const body = meetingEventBody('meeting.deleted', state.now(), accountId, meetingObject(meeting, meeting.uuid));
  emitLater(state, [{ ...body, payload: { ...body.payload, ...operatorOf(state, callerZoomUserId), operation: 'single' } }]);
}
