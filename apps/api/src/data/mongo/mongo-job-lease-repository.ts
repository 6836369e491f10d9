import type { Model } from 'mongoose';
import type { JobLeaseRepository } from '../../domain/ports/job-lease-repository';
import type { JobLeaseDocument } from './job-lease-model';

const EPOCH = new Date(0);

export class MongoJobLeaseRepository implements JobLeaseRepository {
  constructor(private readonly model: Model<JobLeaseDocument>) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    try {
      // Judged and stamped by the server's clock ($$NOW), so instances with skewed clocks agree. Matches only
      // a free, expired or own lease; when another process holds it, the upsert's insert collides on _id
      // and fails, which is the "someone else has it" answer.
      await this.model.updateOne(
        { _id: name, $expr: { $or: [{ $eq: ['$owner', owner] }, { $lte: [{ $ifNull: ['$expiresAt', EPOCH] }, '$$NOW'] }] } },
        [{ $set: { owner: { $literal: owner }, expiresAt: { $add: ['$$NOW', ttlMs] } } }],
        { upsert: true },
      );
      return true;
    } catch (error) {
      if (typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async release(name: string, owner: string): Promise<void> {
    await this.model.deleteOne({ _id: name, owner });
  }
}
