import type { TokenCipher } from '../../security/token-cipher';
import { recordAuditEvent, SYSTEM_ACTOR } from '../audit/record-audit-event';
import { startUrlContext } from '../interviews/interview-deps';
import type { AuditRepository } from '../ports/audit-repository';
import type { InterviewRepository } from '../ports/interview-repository';
import type { ZoomConnectionRepository } from '../ports/zoom-connection-repository';
import { TOKEN_FIELDS } from './zoom-connection-deps';

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

/** Rewrites every stored token and start URL envelope under the current key; run after putting a new key first in the keyring. */
export async function reencryptZoomTokens(deps: {
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
      if (attempt === MAX_ATTEMPTS) report.failed += 1;
    }
  }
  await reencryptStartUrls(deps.interviews, cipher, report.startUrls);
  await recordAuditEvent(deps.audit, { type: 'zoom.keys_rotated', actor: SYSTEM_ACTOR, subject: { userId: null, email: null }, details: { ...report } });
  return report;
}

async function reencryptStartUrls(interviews: InterviewRepository, cipher: TokenCipher, counts: ReencryptionCounts): Promise<void> {
  for (const stored of await interviews.listStartUrlEnvelopes()) {
    counts.scanned += 1;
    const context = startUrlContext(stored.id);
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
