import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/domain/ports/store';

/** Returns a new, empty store on every call; the runner drops whatever it created when the file ends. */
export type MakeStore = () => Promise<Store>;

/** A query's plan as MongoDB chose it: whether an index served it, and whether it sorted in memory. */
export interface QueryPlan {
  indexes: string[];
  collectionScan: boolean;
  inMemorySort: boolean;
}

/**
 * Reaching under the ports, for states the ports cannot produce: documents an older version of the app
 * (or a crash) left behind. Every store's runner provides the writes; only MongoDB's has `mongo`.
 */
export interface RawAccess {
  /** Sets (or, for `undefined`, removes) fields of a stored user document. */
  setUserFields(store: Store, userId: string, fields: Record<string, unknown>): Promise<void>;
  /** Sets fields of an interview's stored meeting. */
  setMeetingFields(store: Store, interviewId: string, fields: Record<string, unknown>): Promise<void>;
  mongo?: {
    indexNames(store: Store, collection: string): Promise<string[]>;
    /** An index made by hand (say, by an operator), which the app does not declare. */
    createIndex(store: Store, collection: string, keys: Record<string, 1 | -1>, name: string): Promise<void>;
    /** Opens the same database again, as another instance starting would (creating indexes). */
    reopen(store: Store): Promise<Store>;
    explainFind(store: Store, collection: string, query: { filter: Record<string, unknown>; sort?: Record<string, 1 | -1>; limit?: number }): Promise<QueryPlan>;
    /** Sets (or, for `undefined`, removes) top-level fields of a stored interview document. */
    setInterviewFields(store: Store, interviewId: string, fields: Record<string, unknown>): Promise<void>;
  };
}

/** What every `<repo-name>.contract.ts` exports: declares describe/test blocks against any store. */
export type StoreContract = (makeStore: MakeStore, raw: RawAccess) => void;

/**
 * One store shared by the tests of the enclosing describe block (opened in beforeAll, closed in afterAll).
 * Tests that share it must create their own data (see `uniqueEmail`); a test that needs an empty store
 * (counts, totals) calls `makeStore()` itself.
 */
export function useStore(makeStore: MakeStore): () => Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await makeStore();
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => {
    if (!store) throw new Error('useStore: the store is only available inside tests');
    return store;
  };
}

/** An email no other test uses, so tests can share a store. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@contract.example.test`;
}

// Realm-independent checks: jest runs tests in a vm context, so structuredClone (and drivers) may hand back
// Dates and objects whose constructors are not this context's Date and Object.
export function expectDate(value: unknown): void {
  expect(Object.prototype.toString.call(value)).toBe('[object Date]');
}

/** A plain object or array, not a mongoose document or array (their prototype chains are longer). */
export function expectPlain(value: unknown): void {
  expect(value).not.toBeNull();
  expect(typeof value).toBe('object');
  let depth = 0;
  for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) depth += 1;
  expect(depth).toBeLessThanOrEqual(Array.isArray(value) ? 2 : 1);
}
