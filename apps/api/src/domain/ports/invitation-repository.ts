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

/** Per-interview invitation state, kept apart from the interview so the meeting lifecycle never touches it. */
export interface InvitationRepository {
  find(interviewId: string): Promise<InvitationRecord | null>;
  /**
   * Atomically: with no record, creates it at sequence 0; with a different fingerprint, increments the
   * sequence and stores the new fingerprint and method; with the same fingerprint, changes nothing.
   */
  advance(interviewId: string, version: { uid: string; fingerprint: string; method: InvitationRecord['method'] }, now: Date): Promise<InvitationAdvance>;
}
