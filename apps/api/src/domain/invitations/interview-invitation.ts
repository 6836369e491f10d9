import { createHash } from 'node:crypto';
import { ORGANISATION_MEETING_DEFAULTS } from '@crm/shared/interviews';
import type { ListedInterview } from '../ports/interview-repository';
import type { InvitationDeps } from './invitation-deps';
import { hostInterviewerOf, panelOf } from '../interviews/interview-panel';

export interface InvitationParty {
  name: string;
  email: string;
}

/**
 * Everything an invitation shows, and nothing else: what both the candidate and the panel may see.
 * Never the start link (a host credential), never the internal notes, never the hosting Zoom account.
 */
export interface InterviewInvitation {
  interviewId: string;
  uid: string;
  method: 'REQUEST' | 'CANCEL';
  summary: string;
  position: string;
  start: Date;
  end: Date;
  timeZone: string;
  organizer: InvitationParty;
  candidate: InvitationParty;
  /** The panel's first member (the candidate is told "with" them). */
  interviewer: InvitationParty;
  /** The rest of the panel, in order; absent for a one-person panel (so older invitations keep their fingerprint). */
  otherInterviewers?: InvitationParty[];
  joinUrl: string | null;
  meetingId: string | null;
  passcode: string | null;
  agenda: string;
  /** The meeting records automatically (the host's auto-recording setting), which attendees must be told. */
  recorded: boolean;
}

export function invitationUid(interviewId: string, uidDomain: string): string {
  return `${interviewId}@${uidDomain}`;
}

/** The invitation the interview's current state calls for. */
export async function buildInterviewInvitation(deps: Pick<InvitationDeps, 'users' | 'meetingDefaults' | 'uidDomain'>, interview: ListedInterview): Promise<InterviewInvitation> {
  // Within a create these come from what scheduling already read (known-records.ts): no extra round trip.
  const [organizer, interviewer, ...others] = await Promise.all([deps.users.findById(interview.createdById), ...panelOf(interview).map((id) => deps.users.findById(id))]);
  const otherInterviewers = others.flatMap((member) => (member ? [{ name: member.name, email: member.email }] : []));
  const { meeting } = interview;
  const hostDefaults = meeting.hostSource === 'interviewer' ? ((await deps.meetingDefaults.get(hostInterviewerOf(interview))) ?? ORGANISATION_MEETING_DEFAULTS) : ORGANISATION_MEETING_DEFAULTS;
  const cancelled = interview.status === 'cancelled';
  const interviewerParty = { name: interviewer?.name ?? 'Interviewer', email: interviewer?.email ?? '' };
  return {
    interviewId: interview.id,
    uid: invitationUid(interview.id, deps.uidDomain),
    method: cancelled ? 'CANCEL' : 'REQUEST',
    summary: `Interview: ${interview.candidateName} – ${interview.position}`,
    position: interview.position,
    start: interview.startTime,
    end: interview.endTime,
    timeZone: interview.timeZone,
    // The recruiter who scheduled it organises; a removed recruiter leaves the interviewer in charge.
    organizer: organizer ? { name: organizer.name, email: organizer.email } : interviewerParty,
    candidate: { name: interview.candidateName, email: interview.candidateEmail },
    interviewer: interviewerParty,
    ...(otherInterviewers.length > 0 ? { otherInterviewers } : {}),
    joinUrl: cancelled ? null : meeting.joinUrl,
    meetingId: cancelled ? null : meeting.zoomMeetingId,
    passcode: cancelled ? null : meeting.password,
    agenda: interview.agenda,
    recorded: hostDefaults.autoRecording !== 'none',
  };
}

/** Digest of what the invitation shows: a new digest is a new version (SEQUENCE + 1) owed to the attendees. */
export function invitationFingerprint(invitation: InterviewInvitation): string {
  const shown = { ...invitation, start: invitation.start.toISOString(), end: invitation.end.toISOString() };
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url');
}
