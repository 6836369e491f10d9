import { randomBytes, randomInt } from 'node:crypto';
import type { CloudRecordings } from '../recordings/cloud-recordings';
import type { SimulatedMeeting } from '../state/meeting-store';
import type { PastMeetings, PastParticipant } from './past-meetings';
import { meetingEventBody, meetingObject, type ZoomParticipantPayload } from './meeting-event-payloads';

type Whereabouts = 'waiting_for_host' | 'waiting_room' | 'in_meeting' | 'left';

interface LiveParticipant {
  payload: ZoomParticipantPayload;
  isHost: boolean;
  where: Whereabouts;
  /** Each stretch in the meeting itself (not waiting), for past-meeting reports and the transcript. */
  stretches: Array<{ joinedAtMs: number; leftAtMs: number | null }>;
}

interface LiveMeeting {
  instanceUuid: string;
  startedAtMs: number | null;
  participants: Map<string, LiveParticipant>;
}

export interface MeetingEventBody {
  event: string;
  event_ts: number;
  payload: Record<string, unknown>;
  [key: string]: unknown;
}

export interface MeetingActivity {
  /** The participant this action was about (its `user_id` in the events). */
  participantId: string | null;
  /** The events Zoom would send for it, in order. */
  events: MeetingEventBody[];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * What happens inside meetings: hosts and guests joining, waiting, leaving, the meeting ending, and the
 * events Zoom sends for each (meeting.started, participant_joined / _left, participant_jbh_waiting /
 * _jbh_joined, participant_put_in_waiting_room / _admitted, meeting.ended). Guests wait for the host unless
 * the meeting allows join before host, and wait in the waiting room when it is on.
 */
export class LiveMeetings {
  private live = new Map<number, LiveMeeting>();

  constructor(
    private readonly now: () => number,
    private readonly accountOf: (meeting: SimulatedMeeting) => string,
    private readonly recordings?: CloudRecordings,
    private readonly past?: PastMeetings,
  ) {}

  hostJoins(meeting: SimulatedMeeting, host: { name: string; email: string }): MeetingActivity {
    const live = this.liveOf(meeting);
    const events: MeetingEventBody[] = [];
    const at = this.now();
    if (live.startedAtMs === null) {
      live.startedAtMs = at;
      events.push(this.body('meeting.started', meeting, live, { start_time: iso(at) }));
    }
    const participant = this.newParticipant({ name: host.name, email: host.email, zoomUserId: meeting.host_id, isHost: true });
    live.participants.set(participant.payload.user_id, participant);
    this.enter(participant, at);
    events.push(this.participantBody('meeting.participant_joined', meeting, live, participant, { join_time: iso(at) }));
    // Guests who were waiting for the host come in now.
    for (const guest of live.participants.values()) {
      if (guest.where !== 'waiting_for_host') continue;
      events.push(this.participantBody('meeting.participant_jbh_joined', meeting, live, guest, { date_time: iso(at) }));
      if (this.settingOn(meeting, 'waiting_room')) guest.where = 'waiting_room';
      else this.enter(guest, at);
      events.push(
        guest.where === 'waiting_room'
          ? this.participantBody('meeting.participant_put_in_waiting_room', meeting, live, guest, { date_time: iso(at) })
          : this.participantBody('meeting.participant_joined', meeting, live, guest, { join_time: iso(at) }),
      );
    }
    return { participantId: participant.payload.user_id, events };
  }

  guestJoins(meeting: SimulatedMeeting, guest: { name: string; email?: string }): MeetingActivity {
    const live = this.liveOf(meeting);
    const at = this.now();
    const participant = this.newParticipant({ name: guest.name, email: guest.email ?? '', zoomUserId: '', isHost: false });
    live.participants.set(participant.payload.user_id, participant);
    const hostHere = [...live.participants.values()].some((p) => p.isHost && p.where === 'in_meeting');
    const events: MeetingEventBody[] = [];
    if (!hostHere && !this.settingOn(meeting, 'join_before_host')) {
      participant.where = 'waiting_for_host';
      events.push(this.participantBody('meeting.participant_jbh_waiting', meeting, live, participant, { date_time: iso(at) }));
    } else if (this.settingOn(meeting, 'waiting_room')) {
      participant.where = 'waiting_room';
      events.push(this.participantBody('meeting.participant_put_in_waiting_room', meeting, live, participant, { date_time: iso(at) }));
    } else {
      if (live.startedAtMs === null) {
        live.startedAtMs = at;
        events.push(this.body('meeting.started', meeting, live, { start_time: iso(at) }));
      }
      this.enter(participant, at);
      events.push(this.participantBody('meeting.participant_joined', meeting, live, participant, { join_time: iso(at) }));
    }
    return { participantId: participant.payload.user_id, events };
  }

  admit(meeting: SimulatedMeeting, participantId: string): MeetingActivity {
    const live = this.liveOf(meeting);
    const participant = live.participants.get(participantId);
    if (!participant || participant.where !== 'waiting_room') throw new Error(`Participant ${participantId} is not in the waiting room`);
    const at = this.now();
    this.enter(participant, at);
    return {
      participantId,
      events: [
        this.participantBody('meeting.participant_admitted', meeting, live, participant, { date_time: iso(at) }),
        this.participantBody('meeting.participant_joined', meeting, live, participant, { join_time: iso(at) }),
      ],
    };
  }

  leaves(meeting: SimulatedMeeting, participantId: string): MeetingActivity {
    const live = this.liveOf(meeting);
    const participant = live.participants.get(participantId);
    if (!participant || participant.where === 'left') throw new Error(`Participant ${participantId} is not in meeting ${meeting.id}`);
    const wasIn = participant.where === 'in_meeting';
    this.leave(participant, this.now());
    if (!wasIn) return { participantId, events: [] };
    return {
      participantId,
      events: [this.participantBody('meeting.participant_left', meeting, live, participant, { leave_time: iso(this.now()), leave_reason: 'left the meeting' })],
    };
  }

  end(meeting: SimulatedMeeting): MeetingActivity {
    const live = this.liveOf(meeting);
    const at = this.now();
    const events: MeetingEventBody[] = [];
    for (const participant of live.participants.values()) {
      if (participant.where !== 'in_meeting') continue;
      events.push(this.participantBody('meeting.participant_left', meeting, live, participant, { leave_time: iso(at), leave_reason: 'the host ended the meeting' }));
      this.leave(participant, at);
    }
    events.push(this.body('meeting.ended', meeting, live, { start_time: iso(live.startedAtMs ?? at), end_time: iso(at) }));
    if (live.startedAtMs !== null) {
      this.past?.record(live.instanceUuid, { meetingId: meeting.id, hostId: meeting.host_id, participants: this.pastParticipants(live) });
      const recorded = this.recordings?.recordingEvents(meeting, {
        uuid: live.instanceUuid,
        startedAtMs: live.startedAtMs,
        endedAtMs: at,
        accountId: this.accountOf(meeting),
        speakers: [...live.participants.values()]
          .filter((p) => p.stretches.length > 0)
          .map((p) => ({ name: p.payload.user_name, joinedAtMs: p.stretches[0]!.joinedAtMs })),
      });
      // Zoom processes the recording after the meeting; the events follow meeting.ended.
      if (recorded) events.push(recorded.completed, recorded.transcriptCompleted);
    }
    // The next start is a new instance of the same meeting, with its own uuid.
    this.live.delete(meeting.id);
    return { participantId: null, events };
  }

  /** Started and not yet ended (someone joined and the host has not ended it). */
  isRunning(meetingId: number): boolean {
    return (this.live.get(meetingId)?.startedAtMs ?? null) !== null;
  }

  /** Who is where in a meeting now (for the control API and the meeting page). */
  participants(meetingId: number): Array<{ participantId: string; name: string; email: string; isHost: boolean; where: Whereabouts }> {
    const live = this.live.get(meetingId);
    if (!live) return [];
    return [...live.participants.values()].map((p) => ({ participantId: p.payload.user_id, name: p.payload.user_name, email: p.payload.email, isHost: p.isHost, where: p.where }));
  }

  reset(): void {
    this.live.clear();
  }

  private liveOf(meeting: SimulatedMeeting): LiveMeeting {
    let live = this.live.get(meeting.id);
    if (!live) {
      live = { instanceUuid: `${randomBytes(16).toString('base64')}`, startedAtMs: null, participants: new Map() };
      this.live.set(meeting.id, live);
    }
    return live;
  }

  private settingOn(meeting: SimulatedMeeting, name: 'join_before_host' | 'waiting_room'): boolean {
    return meeting.settings[name] === true;
  }

  private enter(participant: LiveParticipant, atMs: number): void {
    participant.where = 'in_meeting';
    participant.stretches.push({ joinedAtMs: atMs, leftAtMs: null });
  }

  private leave(participant: LiveParticipant, atMs: number): void {
    participant.where = 'left';
    const open = participant.stretches.at(-1);
    if (open && open.leftAtMs === null) open.leftAtMs = atMs;
  }

  private pastParticipants(live: LiveMeeting): PastParticipant[] {
    return [...live.participants.values()].flatMap((p) =>
      p.stretches.map((stretch) => {
        const leftAtMs = stretch.leftAtMs ?? stretch.joinedAtMs;
        return {
          id: p.payload.id,
          name: p.payload.user_name,
          user_id: p.payload.user_id,
          registrant_id: '',
          user_email: p.payload.email,
          join_time: iso(stretch.joinedAtMs),
          leave_time: iso(leftAtMs),
          duration: Math.round((leftAtMs - stretch.joinedAtMs) / 1000),
          failover: false,
          status: 'in_meeting' as const,
          internal_user: p.isHost,
        };
      }),
    );
  }

  private newParticipant(input: { name: string; email: string; zoomUserId: string; isHost: boolean }): LiveParticipant {
    return {
      isHost: input.isHost,
      where: 'left',
      stretches: [],
      payload: {
        user_id: String(randomInt(16_000_000, 17_000_000)),
        user_name: input.name,
        id: input.zoomUserId,
        participant_uuid: randomBytes(12).toString('hex').toUpperCase(),
        email: input.email,
        ...(input.zoomUserId ? { participant_user_id: input.zoomUserId } : {}),
        customer_key: '',
        registrant_id: '',
      },
    };
  }

  private body(event: string, meeting: SimulatedMeeting, live: LiveMeeting, extra: Record<string, unknown>): MeetingEventBody {
    return meetingEventBody(event, this.now(), this.accountOf(meeting), { ...meetingObject(meeting, live.instanceUuid), ...extra });
  }

  private participantBody(
    event: string,
    meeting: SimulatedMeeting,
    live: LiveMeeting,
    participant: LiveParticipant,
    times: Record<string, string>,
  ): MeetingEventBody {
    return this.body(event, meeting, live, { participant: { ...participant.payload, ...times } });
  }
}
