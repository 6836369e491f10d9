import { Schema, type Connection, type Model } from 'mongoose';

export interface CalendarFeedDocument {
  /** The CRM user id: one feed per user. */
  _id: string;
  /** SHA-256 (base64url) of the feed secret; the secret itself is never stored. */
  secretHash: string;
  createdAt: Date;
}

export function calendarFeedModel(connection: Connection): Model<CalendarFeedDocument> {
  const schema = new Schema<CalendarFeedDocument>(
    {
      _id: { type: String, required: true },
      secretHash: { type: String, required: true },
      createdAt: { type: Date, required: true },
    },
    { collection: 'calendar_feeds', versionKey: false },
  );
  schema.index({ secretHash: 1 }, { unique: true });
  return connection.models.CalendarFeed ?? connection.model<CalendarFeedDocument>('CalendarFeed', schema);
}
