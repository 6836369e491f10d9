/** What was last announced to an interview's attendees: the iCalendar identity and version of its invitation. */
export interface InvitationRecord {
  interviewId: string;
  /** iCalendar UID; never changes for an interview, so calendars update the same event. */
  uid: string;
  /** iCalendar SEQUENCE of the last issued version: 0 for the first, +1 for every change. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  /** Digest of everything the invitation shows; a different digest means a new version is owed. */
  fingerprint: string;
  updatedAt: Date;
}

export interface InvitationAdvance {
  record: InvitationRecord;
  /** True when this call issued a new version (first issue or a changed fingerprint). */
  issued: boolean;
}

/**
 * The first version (SEQUENCE 0) of an interview's invitation, stored on the interview by the same write
 * that records its new meeting: a create then needs no invitation write of its own. The invitation
 * record, once it exists, is what counts; until then this is the record (see `advance`).
 */
export interface CarriedInvitation {
  fingerprint: string;
  method: InvitationRecord['method'];
  issuedAt: Date;
}

/** Per-interview invitation state, kept apart from the interview so the meeting lifecycle never touches it. */
export interface InvitationRepository {
  find(interviewId: string): Promise<InvitationRecord | null>;
  /**
   * Atomically: with no record, creates it at sequence 0; with a different fingerprint, increments the
   * sequence and stores the new fingerprint and method; with the same fingerprint, changes nothing.
   * `carried`: the interview's first version, which stands for the record while there is none (the
   * same fingerprint changes nothing and writes nothing; another creates the record at sequence 1).
   */
  advance(interviewId: string, version: { uid: string; fingerprint: string; method: InvitationRecord['method'] }, now: Date, carried?: CarriedInvitation | null): Promise<InvitationAdvance>;
}
