import type { Interview, PanelMember, PanelRole } from '@crm/shared/interviews';
import type { Role } from '@crm/shared/auth';
import type { ListedInterview } from '../ports/interview-repository';
import type { UserRecord } from '../ports/user-repository';
import { hostInterviewerOf, isOnPanel, panelOf } from './interview-panel';

export interface Viewer {
  userId: string;
  role: Role;
}

/**
 * Only admins and the panel member who hosts it may start the meeting as host. On the organisation's
 * account no interviewer is the host: the first of the panel starts it, as before panels.
 */
export function maySeeStartUrl(viewer: Viewer, interview: ListedInterview): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'interviewer') return false;
  return interview.meeting.hostSource === 'interviewer' ? viewer.userId === hostInterviewerOf(interview) : viewer.userId === interview.interviewerId;
}

/** Internal notes are for the hiring team: admins, recruiters and the panel. */
export function maySeeNotes(viewer: Viewer, interview: ListedInterview): boolean {
  return viewer.role === 'admin' || viewer.role === 'recruiter' || (viewer.role === 'interviewer' && isOnPanel(interview, viewer.userId));
}

/** Each panel member's part in the meeting (see PANEL_ROLES). */
export function panelRoleOf(interview: ListedInterview, interviewerId: string): PanelRole {
  const { meeting } = interview;
  if (meeting.hostSource === 'interviewer' && hostInterviewerOf(interview) === interviewerId) return 'host';
  return (meeting.alternativeHostIds ?? []).includes(interviewerId) ? 'alternative_host' : 'panelist';
}

function presentPanel(interview: ListedInterview, users: ReadonlyMap<string, UserRecord | null>): PanelMember[] {
  return panelOf(interview).map((id) => {
    const user = users.get(id) ?? null;
    return { id, name: user?.name ?? '(removed user)', email: user?.email ?? '', role: panelRoleOf(interview, id) };
  });
}

/**
 * No start URL, ever: the host gets a fresh one from GET /api/interviews/:id/start (start-interview-meeting.ts).
 * `users` holds the panel's users (those read); notes go only to the hiring team (maySeeNotes) when a viewer is given.
 */
export function presentInterview(interview: ListedInterview, interviewer: UserRecord | null, users: ReadonlyMap<string, UserRecord | null> = new Map(), viewer?: Viewer): Interview {
  const { meeting } = interview;
  // A list passes one map for its whole page: copied only when the interviewer is missing from it.
  const known = interviewer && !users.has(interviewer.id) ? new Map(users).set(interviewer.id, interviewer) : users;
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
    notes: viewer === undefined || maySeeNotes(viewer, interview) ? interview.notes : '',
    panel: presentPanel(interview, known),
    hostInterviewerId: meeting.hostSource === 'interviewer' ? hostInterviewerOf(interview) : null,
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
