import { randomInt } from 'node:crypto';
import type { MeetingDefaults } from '@crm/shared/interviews';
import type { ZoomMeetingRequest, ZoomMeetingSettings } from '../ports/zoom-gateway';

/** What a meeting is about, independent of who hosts it. */
export interface MeetingData {
  topic: string;
  startTime: Date;
  durationMinutes: number;
  /** IANA zone, shown to participants by Zoom. */
  timeZone: string;
  agenda: string;
}

/** Zoom wants `yyyy-MM-ddTHH:mm:ssZ`: no milliseconds. */
export function zoomStartTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function zoomSettings(defaults: MeetingDefaults): ZoomMeetingSettings {
  return {
    waiting_room: defaults.waitingRoom,
    join_before_host: defaults.joinBeforeHost,
    auto_recording: defaults.autoRecording,
    mute_upon_entry: defaults.muteUponEntry,
  };
}

/** Topic and start time exactly as Zoom is sent them (and lists them back): how an unconfirmed create is found. */
export function zoomTopicAndStart(data: MeetingData): { topic: string; startTime: string } {
  return { topic: data.topic.slice(0, 200), startTime: zoomStartTime(data.startTime) };
}

/** Topic, time and agenda: what a reschedule sends. Topic is capped at Zoom's 200 characters. */
export function zoomSchedule(data: MeetingData): ZoomMeetingRequest {
  const { topic, startTime } = zoomTopicAndStart(data);
  return {
    topic,
    start_time: startTime,
    duration: data.durationMinutes,
    timezone: data.timeZone,
    ...(data.agenda ? { agenda: data.agenda.slice(0, 2000) } : {}),
  };
}

const PASSCODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Zoom allows up to 10 letters/digits; 8 unambiguous characters are plenty for a scheduled interview. */
export function newPasscode(): string {
  return Array.from({ length: 8 }, () => PASSCODE_ALPHABET[randomInt(PASSCODE_ALPHABET.length)]).join('');
}

export function zoomCreateBody(data: MeetingData, defaults: MeetingDefaults, password: string): ZoomMeetingRequest {
  return { ...zoomSchedule(data), type: 2, password, settings: zoomSettings(defaults) };
}
