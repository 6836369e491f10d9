/**
 * The one-time set-password link's token: names the user and the session version it was issued at, so
 * using it (which changes the password and bumps the version) or sending a new one voids it. In src/security.
 */
export interface InviteTokenSigner {
  sign(input: { userId: string; sessionVersion: number; expiresAt: Date }): string;
  /** The user and version it names, or null when forged, malformed or expired. */
  verify(token: string, now: Date): { userId: string; sessionVersion: number } | null;
}
