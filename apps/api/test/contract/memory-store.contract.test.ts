/*
 * Store contract, in-memory store. Always runs.
 * To add a repository's cases: create `test/contract/<repo-name>.contract.ts` exporting
 * `export const fooRepositoryContract: StoreContract = (makeStore) => { describe(...) }` (see store-contract.ts).
 * Both runners pick up every `*.contract.ts` here on their own: no runner edits. makeStore() gives a new
 * empty store each call; share one per describe with useStore(makeStore) and create unique data per test.
 */
import { createMemoryStore } from '../../src/data/memory/create-memory-store';
import type { Store } from '../../src/domain/ports/store';
import { loadStoreContracts } from './load-store-contracts';
import type { RawAccess } from './store-contract';

function documentsOf(repository: unknown): Map<string, Record<string, unknown>> {
  return (repository as { documents: Map<string, Record<string, unknown>> }).documents;
}

function assign(doc: Record<string, unknown> | undefined, fields: Record<string, unknown>): void {
  if (!doc) throw new Error('raw access: no such document');
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete doc[key];
    else doc[key] = value;
  }
}

const memoryRawAccess: RawAccess = {
  async setUserFields(store: Store, userId, fields) {
    assign(documentsOf(store.users).get(userId), fields);
  },
  async setMeetingFields(store: Store, interviewId, fields) {
    assign(documentsOf(store.interviews).get(interviewId)?.meeting as Record<string, unknown> | undefined, fields);
  },
};

describe('memory store', () => {
  for (const { contract } of loadStoreContracts()) contract(async () => createMemoryStore(), memoryRawAccess);
});
