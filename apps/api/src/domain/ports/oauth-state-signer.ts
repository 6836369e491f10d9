export type OAuthStateVerification = { ok: true; id: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/** The signed, user-bound `state` of "Connect Zoom" and its browser binding; implemented in src/security. */
export interface OAuthStateSigner {
  sign(input: { id: string; userId: string; expiresAt: Date }): string;
  verify(state: string, userId: string, now: Date): OAuthStateVerification;
  /** A random value for the httpOnly browser-binding cookie. */
  newBrowserBinding(): string;
  /** What is stored of the binding: never the cookie value itself. */
  hashBrowserBinding(binding: string): string;
}
