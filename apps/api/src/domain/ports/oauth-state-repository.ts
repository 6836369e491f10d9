/** A pending "Connect Zoom" attempt, kept server-side so the state is single-use. */
export interface OAuthStateRecord {
  id: string;
  userId: string;
  /** SHA-256 of the browser-binding cookie; the cookie value itself is never stored. */
  browserBindingHash: string;
  /** The PKCE verifier, encrypted (TokenCipher envelope). */
  codeVerifier: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface OAuthStateRepository {
  create(record: OAuthStateRecord): Promise<void>;
  /**
   * Atomically removes and returns the record when it exists, belongs to `userId` and `browserBindingHash`,
   * and has not expired at `now`; otherwise returns null and removes nothing.
   */
  consumeOnce(id: string, binding: { userId: string; browserBindingHash: string }, now: Date): Promise<OAuthStateRecord | null>;
}
