import type { CarriedInvitation, InvitationRecord } from '../ports/invitation-repository';

/** The version a create stored on the interview, standing for the invitation record until one is written. */
export function carriedRecord(interviewId: string, uid: string, carried: CarriedInvitation): InvitationRecord {
  return { interviewId, uid, sequence: 0, method: carried.method, fingerprint: carried.fingerprint, updatedAt: carried.issuedAt };
}
