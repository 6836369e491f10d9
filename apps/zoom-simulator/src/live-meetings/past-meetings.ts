/** One participant's stretch in an ended meeting, as `GET /past_meetings/{uuid}/participants` lists it. */
export interface PastParticipant {
  id: string;
  name: string;
  user_id: string;
  registrant_id: string;
  user_email: string;
  join_time: string;
  leave_time: string;
  duration: number;
  failover: boolean;
  status: 'in_meeting' | 'in_waiting_room';
  internal_user: boolean;
}

interface PastMeeting {
  meetingId: number;
  hostId: string;
  participants: PastParticipant[];
}

/** Ended meeting instances by uuid (and the latest one per meeting id), for Zoom's past-meeting reports. */
export class PastMeetings {
  private byUuid = new Map<string, PastMeeting>();
  private latestByMeetingId = new Map<number, string>();

  record(uuid: string, meeting: PastMeeting): void {
    this.byUuid.set(uuid, meeting);
    this.latestByMeetingId.set(meeting.meetingId, uuid);
  }

  /** Zoom accepts the instance uuid, or the meeting id for its latest instance. */
  find(uuidOrMeetingId: string): PastMeeting | null {
    const direct = this.byUuid.get(uuidOrMeetingId);
    if (direct) return direct;
    const uuid = /^\d+$/.test(uuidOrMeetingId) ? this.latestByMeetingId.get(Number(uuidOrMeetingId)) : undefined;
    return uuid ? (this.byUuid.get(uuid) ?? null) : null;
  }

  reset(): void {
    this.byUuid.clear();
    this.latestByMeetingId.clear();
  }
}
