import type { CachedSecret, CachedSecretRepository } from '../../domain/ports/cached-secret-repository';

export class MemoryCachedSecretRepository implements CachedSecretRepository {
  private readonly secrets = new Map<string, CachedSecret>();

  async get(name: string): Promise<CachedSecret | null> {
    const found = this.secrets.get(name);
    return found ? { envelope: found.envelope, expiresAt: new Date(found.expiresAt) } : null;
  }

  async put(name: string, value: CachedSecret): Promise<void> {
    this.secrets.set(name, { envelope: value.envelope, expiresAt: new Date(value.expiresAt) });
  }

  async deleteIfMatches(name: string, envelope: string): Promise<void> {
    if (this.secrets.get(name)?.envelope === envelope) this.secrets.delete(name);
  }
}
