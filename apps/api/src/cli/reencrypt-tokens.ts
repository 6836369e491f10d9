import { EnvError, parseEnv } from '../config/env';
import { createStore } from '../data/create-store';
import { reencryptStoredSecrets } from '../data/reencrypt-stored-secrets';
import { createLogger } from '../logging/create-logger';
import { TokenCipher } from '../security/token-cipher';

/**
 * `pnpm --filter @crm/api reencrypt`: after putting a new key first in TOKEN_ENCRYPTION_KEYS (old keys
 * kept after it), rewrites every stored Zoom token and interview start URL under the new key. Then the
 * old key can be removed.
 */
async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger({ level: 'warn' });
  const store = await createStore(env, logger);
  try {
    const report = await reencryptStoredSecrets({
      connections: store.zoomConnections,
      interviews: store.interviews,
      audit: store.audit,
      cipher: new TokenCipher(env.TOKEN_ENCRYPTION_KEYS),
    });
    const { startUrls } = report;
    console.log(
      `Re-encrypted under key "${report.currentKeyId}": ${report.reencrypted} re-encrypted, ${report.alreadyCurrent} already current, ` +
        `${report.failed} failed, ${report.scanned} scanned.`,
    );
    console.log(
      `Interview start URLs: ${startUrls.reencrypted} re-encrypted, ${startUrls.alreadyCurrent} already current, ` +
        `${startUrls.failed} failed, ${startUrls.scanned} scanned.`,
    );
    if (report.failed > 0) {
      console.log('Some connections could not be decrypted with any configured key; those users need to reconnect Zoom.');
    }
    if (startUrls.failed > 0) {
      console.log('Some start URLs could not be decrypted with any configured key (or kept changing); run again, or those interviewers start the meeting from Zoom.');
    }
    if (report.failed > 0 || startUrls.failed > 0) process.exitCode = 2;
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : `Re-encryption failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
