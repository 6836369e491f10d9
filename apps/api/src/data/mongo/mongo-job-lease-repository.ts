import type { Model } from 'mongoose';
import type { JobLeaseRepository } from '../../domain/ports/job-lease-repository';
import type { JobLeaseDocument } from './job-lease-model';

export class MongoJobLeaseRepository implements JobLeaseRepository {
  constructor(private readonly model: Model<JobLeaseDocument>) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    try {
      // Matches only a free, expired or own lease; when another process holds it, the upsert's insert
      // collides on _id and fails, which is the "someone else has it" answer.
      await this.model.findOneAndUpdate(
        { _id: name, $or: [{ owner }, { expiresAt: { $lte: now } }] },
        { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true, new: true },
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
