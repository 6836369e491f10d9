import { EnvError, parseEnv } from '../config/env';
import { createMongoStore } from '../data/mongo/create-mongo-store';
import { migrateIndexes } from '../data/mongo/migrate-indexes';
import { backfillInterviewPanelsAt } from '../data/mongo/backfill-interview-panels';
import { removeStoredStartUrls } from '../data/remove-stored-start-urls';
import { backfillSearchKeys } from '../data/backfill-search-keys';

/**
 * `pnpm --filter @crm/api migrate`: creates the indexes the schemas declare that MongoDB lacks, and says
 * which exist. It never drops an index (an index no longer declared is removed by a person, deliberately).
 * It also removes the start URLs earlier versions stored (start links are now fetched when used).
 * Run it before a deploy that declares a new index; the API also creates missing ones when it starts.
 */
async function main(): Promise<void> {
  const env = parseEnv();
  if (!env.MONGODB_URI) {
    console.log('MONGODB_URI is not set: the in-memory store has no indexes to create. Nothing to do.');
    return;
  }
  const report = await migrateIndexes(env.MONGODB_URI);
  for (const { collection, indexes } of report) console.log(`${collection}: ${indexes.join(', ')}`);
  console.log('Declared indexes are in place. Nothing was dropped.');
  const backfilled = await backfillInterviewPanelsAt(env.MONGODB_URI);
  console.log(`Interview panels: ${backfilled.panels} interviews given their one-interviewer panel, ${backfilled.hosts} hosts named.`);
  const store = await createMongoStore(env.MONGODB_URI, { createIndexes: false, waitForConnection: true });
  try {
    const { scanned, removed } = await removeStoredStartUrls(store.interviews);
    console.log(`Stored start URLs: ${scanned} found, ${removed} removed.`);
    const { updated } = await backfillSearchKeys(store.interviews);
    console.log(`Candidate search keys: ${updated} interviews given the current keys.`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : `Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
