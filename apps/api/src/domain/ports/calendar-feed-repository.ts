/** An interviewer's calendar feed: only the SHA-256 of its secret is stored. */
export interface CalendarFeedRecord {
  userId: string;
  secretHash: string;
  createdAt: Date;
}

export interface CalendarFeedRepository {
  /** Replaces the user's feed (the old secret stops matching at once). */
  replace(userId: string, secretHash: string, now: Date): Promise<CalendarFeedRecord>;
  findByUser(userId: string): Promise<CalendarFeedRecord | null>;
  findBySecretHash(secretHash: string): Promise<CalendarFeedRecord | null>;
  /** True when there was a feed to revoke. */
  revoke(userId: string): Promise<boolean>;
}
