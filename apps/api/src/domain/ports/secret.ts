/**
 * A credential (Zoom token, PKCE verifier, meeting start URL) the domain carries but cannot read. It
 * prints, serialises and logs as "[redacted]"; only the Zoom clients and the persistence edge
 * (src/zoom, src/data) turn it back into text.
 */
export interface Secret {
  /** Constant-time comparison, so "is this still the token Zoom refused?" needs no plaintext. */
  equals(other: Secret): boolean;
  toJSON(): string;
}
