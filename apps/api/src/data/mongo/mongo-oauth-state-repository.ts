import type { Model } from 'mongoose';
import type { OAuthStateRecord, OAuthStateRepository } from '../../domain/ports/oauth-state-repository';
import type { OAuthStateDocument } from './oauth-state-model';

export class MongoOAuthStateRepository implements OAuthStateRepository {
  constructor(private readonly model: Model<OAuthStateDocument>) {}

  async create(record: OAuthStateRecord): Promise<void> {
    const { id, ...rest } = record;
    await this.model.create({ _id: id, ...rest });
  }

  async consumeOnce(id: string, binding: { userId: string; browserBindingHash: string }, now: Date): Promise<OAuthStateRecord | null> {
    // One findOneAndDelete: of two callbacks racing with the same state, exactly one gets the record.
    const doc = await this.model
      .findOneAndDelete({ _id: id, userId: binding.userId, browserBindingHash: binding.browserBindingHash, expiresAt: { $gt: now } })
      .lean<OAuthStateDocument>();
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { id: _id, ...rest };
  }
}
