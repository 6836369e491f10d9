import { Schema, type Connection, type Model } from 'mongoose';

export interface RateLimitCounterDocument {
  /** The limiter's prefix and key, e.g. `login-address:203.0.113.7`. */
  _id: string;
  count: number;
  resetAt: Date;
}

export function rateLimitCounterModel(connection: Connection): Model<RateLimitCounterDocument> {
  const schema = new Schema<RateLimitCounterDocument>(
    {
      _id: { type: String, required: true },
      count: { type: Number, required: true },
      resetAt: { type: Date, required: true },
    },
    { collection: 'rate_limit_counters', versionKey: false },
  );
  // MongoDB deletes lapsed windows itself (within a minute); hit() never trusts a lapsed one meanwhile.
  schema.index({ resetAt: 1 }, { expireAfterSeconds: 0 });
  return connection.models.RateLimitCounter ?? connection.model<RateLimitCounterDocument>('RateLimitCounter', schema);
}
