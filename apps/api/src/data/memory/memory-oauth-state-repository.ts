import type { OAuthStateRecord, OAuthStateRepository } from '../../domain/ports/oauth-state-repository';

export class MemoryOAuthStateRepository implements OAuthStateRepository {
  constructor(readonly records: Map<string, OAuthStateRecord> = new Map()) {}

  async create(record: OAuthStateRecord): Promise<void> {
    this.dropExpired(new Date());
    this.records.set(record.id, structuredClone(record));
  }

  async consumeOnce(id: string, binding: { userId: string; browserBindingHash: string }, now: Date): Promise<OAuthStateRecord | null> {
    const record = this.records.get(id);
    if (!record || record.userId !== binding.userId || record.browserBindingHash !== binding.browserBindingHash) return null;
    if (record.expiresAt.getTime() <= now.getTime()) return null;
    this.records.delete(id);
    return structuredClone(record);
  }

  // Stands in for MongoDB's TTL index, so abandoned attempts do not pile up.
  private dropExpired(now: Date): void {
    for (const [id, record] of this.records) if (record.expiresAt.getTime() <= now.getTime()) this.records.delete(id);
  }
}
