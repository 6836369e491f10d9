import { EnvError, parseEnv } from '../config/env';
import { createStore } from '../data/create-store';
import { reencryptZoomTokens } from '../domain/zoom-connection/reencrypt-zoom-tokens';
import { createLogger } from '../logging/create-logger';
import { TokenCipher } from '../security/token-cipher';

/**
 * `pnpm --filter @crm/api reencrypt`: after putting a new key first in TOKEN_ENCRYPTION_KEYS (old keys
 * kept after it), rewrites every stored Zoom token under the new key. Then the old key can be removed.
 */
async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger({ level: 'warn' });
  const store = await createStore(env, logger);
  try {
    const report = await reencryptZoomTokens({ connections: store.zoomConnections, audit: store.audit, cipher: new TokenCipher(env.TOKEN_ENCRYPTION_KEYS) });
    console.log(
      `Re-encrypted under key "${report.currentKeyId}": ${report.reencrypted} re-encrypted, ${report.alreadyCurrent} already current, ` +
        `${report.failed} failed, ${report.scanned} scanned.`,
    );
    if (report.failed > 0) {
      console.log('Some connections could not be decrypted with any configured key; those users need to reconnect Zoom.');
      process.exitCode = 2;
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : `Re-encryption failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
