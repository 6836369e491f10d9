import type { Store } from '../../src/domain/ports/store';

/** One repository call: `interviews.patchMeeting`, classified as a read or a write. */
export interface StoreCall {
  name: string;
  kind: 'read' | 'write';
}

/** Reads by name: anything that is not a lookup (create, claim, patch, release, record...) changes the store. */
export function callKind(method: string): 'read' | 'write' {
  return /^(find|list|get|count|is|has|search|page)([A-Z]|$)/.test(method) ? 'read' : 'write';
}

export interface CountingStore {
  store: Store;
  /** Every repository call since the last reset, in order. */
  calls(): StoreCall[];
  reset(): void;
}

/**
 * Wraps every repository of a store so each method call is recorded (one call = one round trip on
 * MongoDB). The wrapped store behaves exactly as the real one; `atomically`, `ping`, `close` pass through.
 */
export function countingStore(inner: Store): CountingStore {
  let calls: StoreCall[] = [];
  const wrapped = new Map<string, unknown>();
  const wrapRepository = (repositoryName: string, repository: object) =>
    new Proxy(repository, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          calls.push({ name: `${repositoryName}.${property}`, kind: callKind(property) });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || value === null || typeof value !== 'object') return value;
      if (!wrapped.has(property)) wrapped.set(property, wrapRepository(property, value));
      return wrapped.get(property);
    },
  });
  return {
    store,
    calls: () => [...calls],
    reset: () => {
      calls = [];
    },
  };
}
