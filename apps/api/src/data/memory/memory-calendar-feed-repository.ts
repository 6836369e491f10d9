import type { CalendarFeedRecord, CalendarFeedRepository } from '../../domain/ports/calendar-feed-repository';

export class MemoryCalendarFeedRepository implements CalendarFeedRepository {
  private readonly feeds = new Map<string, CalendarFeedRecord>();

  async replace(userId: string, secretHash: string, now: Date): Promise<CalendarFeedRecord> {
    const record = { userId, secretHash, createdAt: now };
    this.feeds.set(userId, record);
    return { ...record };
  }

  async findByUser(userId: string): Promise<CalendarFeedRecord | null> {
    const record = this.feeds.get(userId);
    return record ? { ...record } : null;
  }

  async findBySecretHash(secretHash: string): Promise<CalendarFeedRecord | null> {
    for (const record of this.feeds.values()) if (record.secretHash === secretHash) return { ...record };
    return null;
  }

  async revoke(userId: string): Promise<boolean> {
    return this.feeds.delete(userId);
  }
}
