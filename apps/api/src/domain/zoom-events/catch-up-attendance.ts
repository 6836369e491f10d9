import type { ZoomMeetingEvent } from '@crm/shared/zoom-connection';
import { AppError } from '../../errors/app-error';
import type { MeetingHost } from '../meetings/meeting-host';
import type { InterviewRecord } from '../ports/interview-repository';
import type { ZoomPastParticipant } from '../ports/zoom-gateway';
import { applyAttendanceEvent, type ExpectedAttendees } from './apply-attendance-event';
import { updateInterviewAttendance } from './update-interview-attendance';
import type { ZoomEventDeps } from './zoom-event-deps';
import { hostInterviewerOf } from '../interviews/interview-panel';

/** Reads Zoom's participant report of an ended meeting instance with the hosting account's token. */
export type PastMeetingParticipants = (meetingUuid: string, host: MeetingHost) => Promise<ZoomPastParticipant[]>;

function participantEvent(
  name: 'meeting.participant_joined' | 'meeting.participant_left',
  at: string,
  meeting: { id: string; uuid: string },
  participant: ZoomPastParticipant,
): ZoomMeetingEvent {
  return {
    event: name,
    event_ts: Date.parse(at),
    payload: {
      object: {
        id: meeting.id,
        uuid: meeting.uuid,
        participant: {
          ...(participant.participantId ? { user_id: participant.participantId } : {}),
          ...(participant.zoomUserId ? { id: participant.zoomUserId } : {}),
          user_name: participant.name,
          ...(participant.email ? { email: participant.email } : {}),
          ...(name === 'meeting.participant_joined' ? { join_time: at } : { leave_time: at }),
        },
      },
    },
  };
}

/**
 * When a meeting ended and not one participant event reached the CRM (dropped, or the endpoint was
 * down past Zoom's last retry), Zoom's participant report fills the attendance instead, recognised by the
 * same rules as the events. Zoom being unavailable is retried with the event; a host account that cannot
 * be used any more is reported as the outcome.
 */
export async function catchUpAttendance(
  deps: ZoomEventDeps,
  interview: InterviewRecord,
  meeting: { id: string; uuid: string },
  expected: ExpectedAttendees,
): Promise<'caught_up' | 'catch_up_found_nobody' | 'catch_up_unavailable'> {
  if (!deps.pastMeetingParticipants || !interview.meeting.hostSource) return 'catch_up_unavailable';
  let participants: ZoomPastParticipant[];
  try {
    participants = await deps.pastMeetingParticipants(meeting.uuid, {
      hostSource: interview.meeting.hostSource,
      interviewerId: hostInterviewerOf(interview),
      hostZoomUserId: interview.meeting.hostZoomUserId,
    });
  } catch (error) {
    const retryable = error instanceof AppError && (error.code === 'zoom_unavailable' || (error.details as { retryable?: unknown } | undefined)?.retryable === true);
    if (retryable) throw error;
    deps.logger.warn({ interviewId: interview.id, code: error instanceof AppError ? error.code : undefined }, 'attendance catch-up from Zoom\'s participant report failed');
    return 'catch_up_unavailable';
  }
  const events = participants.flatMap((participant) => [
    ...(participant.joinTime ? [participantEvent('meeting.participant_joined', participant.joinTime, meeting, participant)] : []),
    ...(participant.leaveTime ? [participantEvent('meeting.participant_left', participant.leaveTime, meeting, participant)] : []),
  ]);
  if (events.length === 0) return 'catch_up_found_nobody';
  const now = deps.clock.now();
  await updateInterviewAttendance(deps.attendance, { interviewId: interview.id, zoomMeetingId: meeting.id, now }, (draft) =>
    // Only while nothing arrived meanwhile: late events and the report would count people twice.
    draft.sessions.length > 0 ? draft : events.reduce((next, event) => applyAttendanceEvent(next, event, expected, now), draft),
  );
  return 'caught_up';
}
