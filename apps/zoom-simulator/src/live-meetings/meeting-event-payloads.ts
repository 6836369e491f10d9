import type { SimulatedMeeting } from '../state/meeting-store';

/** A participant as Zoom describes it in meeting.participant_* events. */
export interface ZoomParticipantPayload {
  /** The participant's id within this meeting instance (Zoom: a number as a string). */
  user_id: string;
  user_name: string;
  /** The Zoom user id when signed in (the host); empty for a guest. */
  id: string;
  participant_uuid: string;
  email: string;
  participant_user_id?: string;
  customer_key: string;
  registrant_id: string;
}

/** The `payload.object` of meeting events, as in Zoom's webhook reference (meeting.started and friends). */
export function meetingObject(meeting: SimulatedMeeting, instanceUuid: string) {
  return {
    id: meeting.id,
    uuid: instanceUuid,
    host_id: meeting.host_id,
    topic: meeting.topic,
    type: meeting.type,
    start_time: meeting.start_time,
    timezone: meeting.timezone,
    duration: meeting.duration,
  };
}

export function meetingEventBody(event: string, nowMs: number, accountId: string, object: Record<string, unknown>) {
  return { event, event_ts: nowMs, payload: { account_id: accountId, object } };
}
