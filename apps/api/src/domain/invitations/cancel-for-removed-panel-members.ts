import type { InterviewRecord } from '../ports/interview-repository';
import { composeRemovedFromPanelEmail } from './compose-invitation-emails';
import { buildInterviewInvitation, type InterviewInvitation } from './interview-invitation';
import type { InvitationDeps } from './invitation-deps';
import { renderInvitationIcs } from './render-invitation-ics';

/**
 * Members taken off a panel get the event's cancellation addressed to them alone (iTIP: the organiser
 * removes an attendee with a CANCEL that names only that attendee, same UID, the current SEQUENCE), so the
 * interview leaves their calendar while everyone still on it keeps the updated invitation. It carries no
 * join link or passcode: those are no longer theirs. The change is saved already: a failure is logged.
 */
export function makeOnRemovedFromPanel(deps: InvitationDeps): (interview: InterviewRecord, memberIds: string[]) => Promise<void> {
  return async (interview, memberIds) => {
    if (!deps.emailEnabled) return;
    try {
      const [invitation, record, ...members] = await Promise.all([
        buildInterviewInvitation(deps, interview),
        deps.invitations.find(interview.id),
        ...memberIds.map((id) => deps.users.findById(id)),
      ]);
      const sequence = record?.sequence ?? 0;
      const now = deps.clock.now();
      const { otherInterviewers: _stillOnThePanel, ...shown } = invitation;
      for (const member of members) {
        if (!member?.email) continue;
        const cancellation: InterviewInvitation = {
          ...shown,
          method: 'CANCEL',
          // The only attendee is the member removed; an empty email leaves the candidate out of it.
          candidate: { name: invitation.candidate.name, email: '' },
          interviewer: { name: member.name, email: member.email },
          joinUrl: null,
          meetingId: null,
          passcode: null,
        };
        await deps.outbox.enqueue(composeRemovedFromPanelEmail(cancellation, sequence, renderInvitationIcs(cancellation, sequence, now)), now);
      }
    } catch (error) {
      deps.logger.error({ err: error, interviewId: interview.id }, 'could not tell the members removed from the panel');
    }
  };
}
