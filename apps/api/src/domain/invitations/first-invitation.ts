import type { InterviewRecord } from '../ports/interview-repository';
import type { CarriedInvitation } from '../ports/invitation-repository';
import { knownMeetingDefaults, knownUsers, type KnownRecords } from '../interviews/known-records';
import { composeInvitationEmails } from './compose-invitation-emails';
import { buildInterviewInvitation, invitationFingerprint } from './interview-invitation';
import type { InvitationDeps } from './invitation-deps';
import { renderInvitationIcs } from './render-invitation-ics';

/**
 * A create's invitation without an invitation write (issue 17: at most 3 writes per create): its first
 * version is worked out before the release and stored on the interview with the meeting
 * (`firstInvitation`), then announced from there. Any later change goes through the invitation record
 * as before (`advance` treats the carried version as sequence 0 while no record exists).
 */
export interface FirstInvitations {
  /** The version the invitation starts at for this interview as it is about to be released. */
  versionOf(interview: InterviewRecord, known: KnownRecords): Promise<CarriedInvitation | undefined>;
  /** Sends the carried version (when email is on); an interview without one, or changed since, goes the usual way. */
  announce(interview: InterviewRecord, known: KnownRecords): Promise<void>;
}

export function makeFirstInvitations(deps: InvitationDeps, onInterviewChanged: (interview: InterviewRecord, known?: KnownRecords) => Promise<void>): FirstInvitations {
  // What the request read (interviewer, organiser, host defaults) is not read again.
  const reading = (known: KnownRecords) => ({ ...deps, users: knownUsers(known, deps.users), meetingDefaults: knownMeetingDefaults(known, deps.meetingDefaults) });
  return {
    async versionOf(interview, known) {
      const invitation = await buildInterviewInvitation(reading(known), interview);
      return { fingerprint: invitationFingerprint(invitation), method: invitation.method, issuedAt: deps.clock.now() };
    },
    async announce(interview, known) {
      const carried = interview.meeting.firstInvitation;
      try {
        const invitation = carried ? await buildInterviewInvitation(reading(known), interview) : null;
        if (!carried || !invitation || carried.fingerprint !== invitationFingerprint(invitation) || invitation.method === 'CANCEL') {
          await onInterviewChanged(interview, known);
          return;
        }
        if (!deps.emailEnabled) return;
        const now = deps.clock.now();
        const ics = renderInvitationIcs(invitation, 0, now);
        for (const message of composeInvitationEmails(invitation, 0, ics)) await deps.outbox.enqueue(message, now);
      } catch (error) {
        deps.logger.error({ err: error, interviewId: interview.id }, 'could not announce the interview invitation; the next change or a download of the invite retries it');
      }
    },
  };
}
