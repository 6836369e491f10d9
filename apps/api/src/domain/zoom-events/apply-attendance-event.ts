import type { ZoomMeetingEvent, ZoomMeetingParticipant } from '@crm/shared/zoom-connection';
import type { AttendanceSession, AttendeeRole, CandidateMatch, InterviewAttendance } from '../ports/interview-attendance-repository';

export type AttendanceDraft = Omit<InterviewAttendance, 'version'>;

/** Who the interview expects: the candidate by email and name, the host by Zoom user id. */
export interface ExpectedAttendees {
  candidateEmail: string;
  candidateName: string;
  hostZoomUserIds: string[];
}

export function emptyAttendance(interviewId: string, zoomMeetingId: string, now: Date): AttendanceDraft {
  return {
    interviewId,
    zoomMeetingId,
    startedAt: null,
    endedAt: null,
    hostJoinedAt: null,
    candidateJoinedAt: null,
    candidateMatchedBy: null,
    candidateWaitingSince: null,
    sessions: [],
    zoomNotices: [],
    updatedAt: now,
  };
}

function normalizedName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The host by Zoom user id; the candidate by email, else (guests often join without one) by display name. */
export function recognise(participant: ZoomMeetingParticipant, expected: ExpectedAttendees): { role: AttendeeRole; matchedBy: CandidateMatch | null } {
  if (participant.id && expected.hostZoomUserIds.includes(participant.id)) return { role: 'host', matchedBy: null };
  if (participant.email && participant.email.trim().toLowerCase() === expected.candidateEmail.toLowerCase()) return { role: 'candidate', matchedBy: 'email' };
  if (participant.user_name && normalizedName(participant.user_name) === normalizedName(expected.candidateName)) return { role: 'candidate', matchedBy: 'name' };
  return { role: 'other', matchedBy: null };
}

function participantKey(participant: ZoomMeetingParticipant): string {
  return participant.participant_uuid ?? participant.user_id ?? participant.id ?? `name:${participant.user_name ?? ''}`;
}

/** When the event happened by Zoom's own fields, else by `event_ts`. */
function parseTime(value: string | undefined, fallback: Date): Date {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? fallback : new Date(parsed);
}

function earliest(current: Date | null, candidate: Date): Date {
  return current && current.getTime() <= candidate.getTime() ? current : candidate;
}

/**
 * One attendance event applied to the record, as a pure function, so it can be retried on a write conflict.
 * Replays are harmless: a join already recorded (same participant, same time) is not added twice.
 */
export function applyAttendanceEvent(current: AttendanceDraft, event: ZoomMeetingEvent, expected: ExpectedAttendees, now: Date): AttendanceDraft {
  const next: AttendanceDraft = structuredClone(current);
  next.updatedAt = now;
  const eventTime = new Date(event.event_ts);
  const { object } = event.payload;
  const participant = object.participant;

  switch (event.event) {
    case 'meeting.started':
      next.startedAt = earliest(next.startedAt, parseTime(object.start_time, eventTime));
      return next;
    case 'meeting.ended': {
      const endedAt = parseTime(object.end_time, eventTime);
      next.endedAt = endedAt;
      next.candidateWaitingSince = null;
      for (const session of next.sessions) if (!session.leftAt) session.leftAt = endedAt;
      return next;
    }
    default:
      break;
  }
  if (!participant) return next;
  const key = participantKey(participant);
  const { role, matchedBy } = recognise(participant, expected);

  switch (event.event) {
    case 'meeting.participant_joined': {
      const joinedAt = parseTime(participant.join_time, eventTime);
      if (!next.sessions.some((s) => s.participantKey === key && s.joinedAt.getTime() === joinedAt.getTime())) {
        const session: AttendanceSession = {
          participantKey: key,
          name: participant.user_name ?? '',
          email: participant.email ?? null,
          role,
          matchedBy,
          joinedAt,
          leftAt: null,
        };
        next.sessions.push(session);
      }
      // Someone in the meeting means it started, even when meeting.started was missed.
      next.startedAt = earliest(next.startedAt, joinedAt);
      if (role === 'host') next.hostJoinedAt = earliest(next.hostJoinedAt, joinedAt);
      if (role === 'candidate') {
        next.candidateJoinedAt = earliest(next.candidateJoinedAt, joinedAt);
        next.candidateMatchedBy = next.candidateMatchedBy === 'email' ? 'email' : matchedBy;
      }
      if (role !== 'host') next.candidateWaitingSince = null;
      return next;
    }
    case 'meeting.participant_left': {
      const leftAt = parseTime(participant.leave_time, eventTime);
      const open = next.sessions.filter((s) => s.participantKey === key && !s.leftAt && s.joinedAt.getTime() <= leftAt.getTime()).at(-1);
      if (open) open.leftAt = leftAt;
      return next;
    }
    case 'meeting.participant_jbh_waiting':
    case 'meeting.participant_put_in_waiting_room':
      // Whoever waits who is not the host: guests often join under a name the CRM cannot match.
      if (role !== 'host') next.candidateWaitingSince ??= parseTime(participant.date_time, eventTime);
      return next;
    case 'meeting.participant_admitted':
    case 'meeting.participant_jbh_joined':
      if (role !== 'host') next.candidateWaitingSince = null;
      return next;
    default:
      return next;
  }
}
