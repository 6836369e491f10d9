import type { Secret } from './secret';
import type { EncryptedZoomTokens } from './zoom-connection-repository';

export interface ZoomTokenSecrets {
  accessToken: Secret;
  refreshToken: Secret;
}

/**
 * The persistence edge for credentials (implemented in src/data with the TokenCipher): it seals secrets
 * into the envelopes repositories store and opens them again, each bound to its owner and field. The
 * domain hands secrets and envelopes through; it never encrypts, decrypts or reads them.
 * `open*` returns null when no configured key opens the envelope (usually a key retired too early).
 */
export interface SecretVault {
  sealZoomTokens(userId: string, tokens: ZoomTokenSecrets & { expiresAt: Date }): EncryptedZoomTokens;
  openZoomTokens(userId: string, sealed: EncryptedZoomTokens): ZoomTokenSecrets | null;
  sealCodeVerifier(stateId: string, verifier: Secret): string;
  openCodeVerifier(stateId: string, sealed: string): Secret | null;
  sealStartUrl(interviewId: string, startUrl: Secret): string;
  /** The start URL as text, only for the response of someone allowed to host; null when unreadable. */
  openStartUrl(interviewId: string, sealed: string): string | null;
  /** The organisation's Server-to-Server token, cached in the store for every process. */
  sealServerToken(accountId: string, token: Secret): string;
  openServerToken(accountId: string, sealed: string): Secret | null;
  /**
   * A recording event's download token, sealed before the event is recorded (bound to the event's dedupe
   * key); the event processor opens it for the download and drops it when the event is done.
   */
  sealDownloadToken(eventKey: string, token: string): string;
  openDownloadToken(eventKey: string, sealed: string): Secret | null;
}
