import type { Model } from 'mongoose';
import type { CachedSecret, CachedSecretRepository } from '../../domain/ports/cached-secret-repository';
import type { CachedSecretDocument } from './cached-secret-model';

export class MongoCachedSecretRepository implements CachedSecretRepository {
  constructor(private readonly model: Model<CachedSecretDocument>) {}

  async get(name: string): Promise<CachedSecret | null> {
    const doc = await this.model.findById(name).lean<CachedSecretDocument>();
    return doc ? { envelope: doc.envelope, expiresAt: doc.expiresAt } : null;
  }

  async put(name: string, value: CachedSecret): Promise<void> {
    await this.model.updateOne({ _id: name }, { $set: { envelope: value.envelope, expiresAt: value.expiresAt } }, { upsert: true });
  }

  async deleteIfMatches(name: string, envelope: string): Promise<void> {
    await this.model.deleteOne({ _id: name, envelope });
  }
}
