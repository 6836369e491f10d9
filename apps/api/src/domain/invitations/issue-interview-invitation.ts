import type { InterviewRecord } from '../ports/interview-repository';
import type { InvitationRecord } from '../ports/invitation-repository';
import { composeInvitationEmails } from './compose-invitation-emails';
import { buildInterviewInvitation, invitationFingerprint, type InterviewInvitation } from './interview-invitation';
import type { InvitationDeps } from './invitation-deps';
import { knownMeetingDefaults, knownUsers, type KnownRecords } from '../interviews/known-records';
import { renderInvitationIcs } from './render-invitation-ics';

export interface IssuedInvitation {
  invitation: InterviewInvitation;
  record: InvitationRecord;
  /** This call made a new version (and queued its emails). */
  issued: boolean;
}

/**
 * Brings the attendees' invitation in line with the interview: when anything it shows changed (time,
 * zone, join link, passcode, cancellation…), the next SEQUENCE is issued under the same UID and one
 * email per attendee is written to the outbox. Calling it again with nothing changed does nothing, so
 * every place that changes an interview (schedule, reschedule, cancel, a re-hosted meeting) may call it.
 */
export async function issueInterviewInvitation(deps: InvitationDeps, interview: InterviewRecord): Promise<IssuedInvitation> {
  const invitation = await buildInterviewInvitation(deps, interview);
  const now = deps.clock.now();
  const { record, issued } = await deps.invitations.advance(interview.id, { uid: invitation.uid, fingerprint: invitationFingerprint(invitation), method: invitation.method }, now, interview.meeting.firstInvitation ?? null);
  // Never cancel something nobody was invited to: a first version that is already a cancellation is recorded, not sent.
  const worthSending = issued && deps.emailEnabled && !(invitation.method === 'CANCEL' && record.sequence === 0);
  if (worthSending) {
    const ics = renderInvitationIcs(invitation, record.sequence, now);
    for (const message of composeInvitationEmails(invitation, record.sequence, ics)) await deps.outbox.enqueue(message, now);
  }
  return { invitation, record, issued };
}

/**
 * The seam every interview change goes through (schedule, reschedule, cancel, re-host): announces the
 * change to the attendees. The interview is already saved, so a failure here is logged, never thrown.
 */
export function makeOnInterviewChanged(deps: InvitationDeps): (interview: InterviewRecord, known?: KnownRecords) => Promise<void> {
  return async (interview, known) => {
    try {
      // What the request already read (interviewer, organiser, host defaults) is not read again.
      const reading = known ? { ...deps, users: knownUsers(known, deps.users), meetingDefaults: knownMeetingDefaults(known, deps.meetingDefaults) } : deps;
      await issueInterviewInvitation(reading, interview);
    } catch (error) {
      deps.logger.error({ err: error, interviewId: interview.id }, 'could not issue the interview invitation; the next change or a download of the invite retries it');
    }
  };
}

/** The current invitation as a `.ics` document (issuing a version first if the interview changed unannounced). */
export async function currentInvitationIcs(deps: InvitationDeps, interview: InterviewRecord): Promise<string> {
  const { invitation, record } = await issueInterviewInvitation(deps, interview);
  return renderInvitationIcs(invitation, record.sequence, record.updatedAt);
}
