import type { Interview } from '@crm/shared/interviews';
import type { Role } from '@crm/shared/auth';
import type { InterviewRecord } from '../ports/interview-repository';
import type { UserRecord } from '../ports/user-repository';

export interface Viewer {
  userId: string;
  role: Role;
}

/** Only admins and the interview's own interviewer (who hosts it, on whichever account) may start the meeting as host. */
export function maySeeStartUrl(viewer: Viewer, interview: InterviewRecord): boolean {
  return viewer.role === 'admin' || (viewer.role === 'interviewer' && viewer.userId === interview.interviewerId);
}

/** No start URL, ever: the host gets a fresh one from GET /api/interviews/:id/start (start-interview-meeting.ts). */
export function presentInterview(interview: InterviewRecord, interviewer: UserRecord | null): Interview {
  const { meeting } = interview;
  return {
    id: interview.id,
    candidateName: interview.candidateName,
    candidateEmail: interview.candidateEmail,
    position: interview.position,
    interviewer: interviewer
      ? { id: interviewer.id, name: interviewer.name, email: interviewer.email }
      : { id: interview.interviewerId, name: '(removed user)', email: '' },
    startTime: interview.startTime.toISOString(),
    timeZone: interview.timeZone,
    durationMinutes: interview.durationMinutes,
    agenda: interview.agenda,
    notes: interview.notes,
    status: interview.status,
    createdById: interview.createdById,
    createdAt: interview.createdAt.toISOString(),
    updatedAt: interview.updatedAt.toISOString(),
    meeting: {
      status: meeting.status,
      pendingAction: meeting.status === 'pending' || meeting.status === 'failed' ? meeting.pendingAction : null,
      zoomMeetingId: meeting.zoomMeetingId,
      joinUrl: meeting.status === 'cancelled' ? null : meeting.joinUrl,
      password: meeting.status === 'cancelled' ? null : meeting.password,
      hostSource: meeting.hostSource,
      hostReason: meeting.hostReason,
      hostZoomEmail: meeting.hostZoomEmail,
      lastError: meeting.lastError ? { code: meeting.lastError.code, message: meeting.lastError.message, at: meeting.lastError.at.toISOString() } : null,
      attempts: meeting.attempts,
      nextAttemptAt: meeting.status === 'pending' && meeting.nextAttemptAt ? meeting.nextAttemptAt.toISOString() : null,
      joinLinkChanged:
        meeting.joinLinkChanged && interview.status !== 'cancelled'
          ? { at: meeting.joinLinkChanged.at.toISOString(), previousJoinUrlMayStillWork: meeting.joinLinkChanged.previousJoinUrlMayStillWork, reason: meeting.joinLinkChanged.reason }
          : null,
    },
  };
}
