/** A secret cached in the store for every process, e.g. the Server-to-Server access token. */
export interface CachedSecret {
  /** TokenCipher envelope; never plaintext. */
  envelope: string;
  expiresAt: Date;
}

export interface CachedSecretRepository {
  get(name: string): Promise<CachedSecret | null>;
  put(name: string, value: CachedSecret): Promise<void>;
  /** Removes it only if it is still this envelope, so a newer token someone just stored survives. */
  deleteIfMatches(name: string, envelope: string): Promise<void>;
}
