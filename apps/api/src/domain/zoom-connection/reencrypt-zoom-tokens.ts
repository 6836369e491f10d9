import type { TokenCipher } from '../../security/token-cipher';
import { recordAuditEvent, SYSTEM_ACTOR } from '../audit/record-audit-event';
import type { AuditRepository } from '../ports/audit-repository';
import type { ZoomConnectionRepository } from '../ports/zoom-connection-repository';
import { TOKEN_FIELDS } from './zoom-connection-deps';

export interface ReencryptionReport {
  scanned: number;
  reencrypted: number;
  alreadyCurrent: number;
  /** Users whose tokens could not be decrypted with any configured key (left untouched). */
  failed: number;
  currentKeyId: string;
}

/** Rewrites every stored token envelope under the current key; run after putting a new key first in the keyring. */
export async function reencryptZoomTokens(deps: { connections: ZoomConnectionRepository; audit: AuditRepository; cipher: TokenCipher }): Promise<ReencryptionReport> {
  const { connections, cipher } = deps;
  const report: ReencryptionReport = { scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0, currentKeyId: cipher.currentKeyId };
  for (const userId of await connections.listUserIdsWithTokens()) {
    report.scanned += 1;
    // A concurrent refresh or disconnect moves the version; re-read and try again (its own write used the current key).
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const connection = await connections.getConnection(userId);
      const tokens = connection?.tokens;
      if (!connection || !tokens || (cipher.isCurrent(tokens.accessToken) && cipher.isCurrent(tokens.refreshToken))) {
        report.alreadyCurrent += 1;
        break;
      }
      let rewrapped;
      try {
        const access = { subjectId: userId, field: TOKEN_FIELDS.access };
        const refresh = { subjectId: userId, field: TOKEN_FIELDS.refresh };
        rewrapped = {
          accessToken: cipher.encrypt(cipher.decrypt(tokens.accessToken, access), access),
          refreshToken: cipher.encrypt(cipher.decrypt(tokens.refreshToken, refresh), refresh),
          expiresAt: tokens.expiresAt,
        };
      } catch {
        report.failed += 1;
        break;
      }
      if (await connections.rewrapTokens(userId, connection.tokenVersion, rewrapped)) {
        report.reencrypted += 1;
        break;
      }
      if (attempt === 3) report.failed += 1;
    }
  }
  await recordAuditEvent(deps.audit, { type: 'zoom.keys_rotated', actor: SYSTEM_ACTOR, subject: { userId: null, email: null }, details: { ...report } });
  return report;
}
