import { randomInt } from 'node:crypto';

export interface SimulatedMeeting {
  /** Zoom's int64 meeting id; 11 digits, so it stays a safe JS integer. */
  id: number;
  uuid: string;
  host_id: string;
  host_email: string;
  topic: string;
  type: number;
  status: 'waiting';
  start_time: string;
  duration: number;
  timezone: string;
  agenda: string;
  created_at: string;
  join_url: string;
  /** A credential: it starts the meeting as the host without a login. */
  start_url: string;
  password: string;
  h323_password: string;
  pstn_password: string;
  encrypted_password: string;
  settings: Record<string, unknown>;
  pre_schedule: boolean;
  recurrence?: unknown;
  tracking_fields?: unknown[];
  deleted?: boolean;
  deleted_at?: string;
}

export class MeetingStore {
  private meetings = new Map<number, SimulatedMeeting>();

  newMeetingId(): number {
    for (;;) {
      const id = randomInt(85_000_000_000, 86_000_000_000);
      if (!this.meetings.has(id)) return id;
    }
  }

  add(meeting: SimulatedMeeting): void {
    this.meetings.set(meeting.id, meeting);
  }

  /** Finds by numeric id or uuid, deleted meetings included; callers decide what a deletion means. */
  find(meetingIdOrUuid: string): SimulatedMeeting | undefined {
    if (/^\d+$/.test(meetingIdOrUuid)) return this.meetings.get(Number(meetingIdOrUuid));
    for (const meeting of this.meetings.values()) if (meeting.uuid === meetingIdOrUuid) return meeting;
    return undefined;
  }

  list(filter: { hostId?: string; includeDeleted?: boolean } = {}): SimulatedMeeting[] {
    return [...this.meetings.values()].filter(
      (m) => (filter.hostId === undefined || m.host_id === filter.hostId) && (filter.includeDeleted || !m.deleted),
    );
  }

  reset(): void {
    this.meetings.clear();
  }
}
