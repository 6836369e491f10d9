import type { Model } from 'mongoose';
import type { RateLimitCount, RateLimitCounterRepository } from '../../domain/ports/rate-limit-counter-repository';
import type { RateLimitCounterDocument } from './rate-limit-counter-model';

/** Counters shared by every instance; each hit is one atomic upsert judged by the server's clock. */
export class MongoRateLimitCounterRepository implements RateLimitCounterRepository {
  constructor(private readonly model: Model<RateLimitCounterDocument>) {}

  async hit(key: string, windowMs: number): Promise<RateLimitCount> {
    // An update pipeline reads the old document in every expression, so both fields see the same window.
    const live = { $gt: ['$resetAt', '$$NOW'] };
    const doc = await this.model.collection.findOneAndUpdate(
      { _id: key as never },
      [
        {
          $set: {
            count: { $cond: [live, { $add: ['$count', 1] }, 1] },
            resetAt: { $cond: [live, '$resetAt', { $add: ['$$NOW', windowMs] }] },
          },
        },
      ],
      { upsert: true, returnDocument: 'after' },
    );
    if (!doc) throw new Error(`rate-limit counter ${key} was not written`);
    return { count: doc.count as number, resetAt: new Date(doc.resetAt as Date) };
  }

  async get(key: string): Promise<RateLimitCount | null> {
    const doc = await this.model.collection.findOne({ _id: key as never, $expr: { $gt: ['$resetAt', '$$NOW'] } });
    return doc ? { count: doc.count as number, resetAt: new Date(doc.resetAt as Date) } : null;
  }

  async undo(key: string): Promise<void> {
    await this.model.collection.updateOne({ _id: key as never, count: { $gt: 0 }, $expr: { $gt: ['$resetAt', '$$NOW'] } }, { $inc: { count: -1 } });
  }

  async reset(key: string): Promise<void> {
    await this.model.collection.deleteOne({ _id: key as never });
  }
}
