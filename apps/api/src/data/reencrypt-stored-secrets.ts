import type { AuditRepository } from '../domain/ports/audit-repository';
import type { InterviewRepository } from '../domain/ports/interview-repository';
import type { ZoomConnectionRepository } from '../domain/ports/zoom-connection-repository';
import type { TokenCipher } from '../security/token-cipher';
import { SEALED_FIELDS } from './secret-vault';

export interface ReencryptionCounts {
  scanned: number;
  reencrypted: number;
  alreadyCurrent: number;
  /** Values that could not be decrypted with any configured key (left untouched). */
  failed: number;
}

export interface ReencryptionReport extends ReencryptionCounts {
  currentKeyId: string;
  /** Interview meeting start URLs (host credentials, encrypted like the tokens). */
  startUrls: ReencryptionCounts;
}

const MAX_ATTEMPTS = 3;

/**
 * Key rotation at the persistence edge: rewrites every stored Zoom token and start URL envelope under
 * the current key; run (`pnpm reencrypt`) after putting a new key first in TOKEN_ENCRYPTION_KEYS.
 */
export async function reencryptStoredSecrets(deps: {
  connections: ZoomConnectionRepository;
  interviews: InterviewRepository;
  audit: AuditRepository;
  cipher: TokenCipher;
}): Promise<ReencryptionReport> {
  const { connections, cipher } = deps;
  const report: ReencryptionReport = {
    scanned: 0,
    reencrypted: 0,
    alreadyCurrent: 0,
    failed: 0,
    currentKeyId: cipher.currentKeyId,
    startUrls: { scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0 },
  };
  for (const userId of await connections.listUserIdsWithTokens()) {
    report.scanned += 1;
    // A concurrent refresh or disconnect moves the version; re-read and try again (its own write used the current key).
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const connection = await connections.getConnection(userId);
      const tokens = connection?.tokens;
      if (!connection || !tokens || (cipher.isCurrent(tokens.accessToken) && cipher.isCurrent(tokens.refreshToken))) {
        report.alreadyCurrent += 1;
        break;
      }
      let rewrapped;
      try {
        const access = SEALED_FIELDS.zoomAccessToken(userId);
        const refresh = SEALED_FIELDS.zoomRefreshToken(userId);
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
      if (attempt === MAX_ATTEMPTS) report.failed += 1;
    }
  }
  await reencryptStartUrls(deps.interviews, cipher, report.startUrls);
  await deps.audit.append({
    type: 'zoom.keys_rotated',
    at: new Date(),
    actor: { userId: null, email: null, kind: 'system' },
    subject: { userId: null, email: null },
    requestId: null,
    ip: null,
    details: { ...report },
  });
  return report;
}

async function reencryptStartUrls(interviews: InterviewRepository, cipher: TokenCipher, counts: ReencryptionCounts): Promise<void> {
  for (const stored of await interviews.listStartUrlEnvelopes()) {
    counts.scanned += 1;
    const context = SEALED_FIELDS.meetingStartUrl(stored.id);
    let envelope: string | null = stored.envelope;
    // A meeting (re)created meanwhile replaces the envelope; re-read and try again (its own write used the current key).
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      if (envelope === null || cipher.isCurrent(envelope)) {
        counts.alreadyCurrent += 1;
        break;
      }
      let next: string;
      try {
        next = cipher.encrypt(cipher.decrypt(envelope, context), context);
      } catch {
        counts.failed += 1;
        break;
      }
      if (await interviews.replaceStartUrlEnvelope(stored.id, envelope, next)) {
        counts.reencrypted += 1;
        break;
      }
      if (attempt === MAX_ATTEMPTS) {
        counts.failed += 1;
        break;
      }
      envelope = (await interviews.findById(stored.id))?.meeting.startUrlEnvelope ?? null;
    }
  }
}
