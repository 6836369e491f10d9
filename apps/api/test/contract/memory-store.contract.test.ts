/*
 * Store contract, in-memory store. Always runs.
 * To add a repository's cases: create `test/contract/<repo-name>.contract.ts` exporting
 * `export const fooRepositoryContract: StoreContract = (makeStore) => { describe(...) }` (see store-contract.ts).
 * Both runners pick up every `*.contract.ts` here on their own: no runner edits. makeStore() gives a new
 * empty store each call; share one per describe with useStore(makeStore) and create unique data per test.
 */
import { createMemoryStore } from '../../src/data/memory/create-memory-store';
import { loadStoreContracts } from './load-store-contracts';

describe('memory store', () => {
  for (const { contract } of loadStoreContracts()) contract(async () => createMemoryStore());
});
