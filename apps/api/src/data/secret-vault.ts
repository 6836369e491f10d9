import type { Secret } from '../domain/ports/secret';
import type { SecretVault, ZoomTokenSecrets } from '../domain/ports/secret-vault';
import type { EncryptedZoomTokens } from '../domain/ports/zoom-connection-repository';
import type { CipherContext, TokenCipher } from '../security/token-cipher';
import { revealSecret, ZoomSecret } from '../zoom/zoom-secret';

/**
 * What each envelope is bound to (its owner and field, in the cipher's additional data): an envelope
 * copied to another user, interview or field fails to open. Changing a name makes stored values unreadable.
 */
export const SEALED_FIELDS = {
  zoomAccessToken: (userId: string): CipherContext => ({ subjectId: userId, field: 'zoomAccessToken' }),
  zoomRefreshToken: (userId: string): CipherContext => ({ subjectId: userId, field: 'zoomRefreshToken' }),
  codeVerifier: (stateId: string): CipherContext => ({ subjectId: stateId, field: 'pkceCodeVerifier' }),
  meetingStartUrl: (interviewId: string): CipherContext => ({ subjectId: interviewId, field: 'meetingStartUrl' }),
  serverToServerToken: (accountId: string): CipherContext => ({ subjectId: `zoom-s2s:${accountId}`, field: 'accessToken' }),
  recordingDownloadToken: (eventKey: string): CipherContext => ({ subjectId: `zoom-event:${eventKey}`, field: 'downloadToken' }),
} as const;

/** The SecretVault over the AES-GCM TokenCipher: the only place plaintext credentials meet the store. */
export class CipherSecretVault implements SecretVault {
  constructor(private readonly cipher: TokenCipher) {}

  sealZoomTokens(userId: string, tokens: ZoomTokenSecrets & { expiresAt: Date }): EncryptedZoomTokens {
    return {
      accessToken: this.seal(tokens.accessToken, SEALED_FIELDS.zoomAccessToken(userId)),
      refreshToken: this.seal(tokens.refreshToken, SEALED_FIELDS.zoomRefreshToken(userId)),
      expiresAt: tokens.expiresAt,
    };
  }

  openZoomTokens(userId: string, sealed: EncryptedZoomTokens): ZoomTokenSecrets | null {
    const accessToken = this.open(sealed.accessToken, SEALED_FIELDS.zoomAccessToken(userId));
    const refreshToken = this.open(sealed.refreshToken, SEALED_FIELDS.zoomRefreshToken(userId));
    return accessToken && refreshToken ? { accessToken, refreshToken } : null;
  }

  sealCodeVerifier(stateId: string, verifier: Secret): string {
    return this.seal(verifier, SEALED_FIELDS.codeVerifier(stateId));
  }

  openCodeVerifier(stateId: string, sealed: string): Secret | null {
    return this.open(sealed, SEALED_FIELDS.codeVerifier(stateId));
  }

  sealStartUrl(interviewId: string, startUrl: Secret): string {
    return this.seal(startUrl, SEALED_FIELDS.meetingStartUrl(interviewId));
  }

  openStartUrl(interviewId: string, sealed: string): string | null {
    return this.open(sealed, SEALED_FIELDS.meetingStartUrl(interviewId))?.reveal() ?? null;
  }

  sealServerToken(accountId: string, token: Secret): string {
    return this.seal(token, SEALED_FIELDS.serverToServerToken(accountId));
  }

  openServerToken(accountId: string, sealed: string): Secret | null {
    return this.open(sealed, SEALED_FIELDS.serverToServerToken(accountId));
  }

  sealDownloadToken(eventKey: string, token: string): string {
    return this.cipher.encrypt(token, SEALED_FIELDS.recordingDownloadToken(eventKey));
  }

  openDownloadToken(eventKey: string, sealed: string): Secret | null {
    return this.open(sealed, SEALED_FIELDS.recordingDownloadToken(eventKey));
  }

  private seal(secret: Secret, context: CipherContext): string {
    return this.cipher.encrypt(revealSecret(secret), context);
  }

  private open(envelope: string, context: CipherContext): ZoomSecret | null {
    try {
      return new ZoomSecret(this.cipher.decrypt(envelope, context));
    } catch {
      return null;
    }
  }
}
