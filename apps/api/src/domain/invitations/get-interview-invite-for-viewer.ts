import type { InterviewDeps } from '../interviews/interview-deps';
import { getInterview } from '../interviews/list-interviews';
import type { Viewer } from '../interviews/present-interview';
import type { InvitationDeps } from './invitation-deps';
import { currentInvitationIcs } from './issue-interview-invitation';

/** The interview's current invitation as `.ics`, for the hiring team (an interviewer only for their own interviews). */
export async function getInterviewInviteForViewer(deps: { interviews: InterviewDeps; invitations: InvitationDeps }, viewer: Viewer, id: string): Promise<string> {
  const interview = await getInterview(deps.interviews, viewer, id);
  return currentInvitationIcs(deps.invitations, interview);
}
