import type { Model } from 'mongoose';
import type { CalendarFeedRecord, CalendarFeedRepository } from '../../domain/ports/calendar-feed-repository';
import type { CalendarFeedDocument } from './calendar-feed-model';

function toRecord(doc: CalendarFeedDocument): CalendarFeedRecord {
  return { userId: doc._id, secretHash: doc.secretHash, createdAt: doc.createdAt };
}

export class MongoCalendarFeedRepository implements CalendarFeedRepository {
  constructor(private readonly model: Model<CalendarFeedDocument>) {}

  async replace(userId: string, secretHash: string, now: Date): Promise<CalendarFeedRecord> {
    const doc = await this.model.findOneAndUpdate({ _id: userId }, { $set: { secretHash, createdAt: now } }, { upsert: true, new: true }).lean<CalendarFeedDocument>();
    return toRecord(doc);
  }

  async findByUser(userId: string): Promise<CalendarFeedRecord | null> {
    const doc = await this.model.findById(userId).lean<CalendarFeedDocument>();
    return doc ? toRecord(doc) : null;
  }

  async findBySecretHash(secretHash: string): Promise<CalendarFeedRecord | null> {
    const doc = await this.model.findOne({ secretHash }).lean<CalendarFeedDocument>();
    return doc ? toRecord(doc) : null;
  }

  async revoke(userId: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: userId });
    return result.deletedCount === 1;
  }
}
