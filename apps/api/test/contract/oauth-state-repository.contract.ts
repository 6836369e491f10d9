import { randomUUID } from 'node:crypto';
import type { OAuthStateRecord } from '../../src/domain/ports/oauth-state-repository';
import { useStore, type StoreContract } from './store-contract';

function pending(overrides: Partial<OAuthStateRecord> = {}): OAuthStateRecord {
  const now = Date.now();
  return {
    id: randomUUID().replaceAll('-', ''),
    userId: `user-${randomUUID()}`,
    browserBindingHash: 'binding-hash',
    codeVerifier: 'v1.k.verifier',
    createdAt: new Date(now),
    expiresAt: new Date(now + 600_000),
    ...overrides,
  };
}

export const oauthStateRepositoryContract: StoreContract = (makeStore) => {
  describe('OAuthStateRepository', () => {
    const store = useStore(makeStore);

    test('a state is consumed once: of concurrent consumers exactly one gets the record', async () => {
      const record = pending();
      await store().oauthStates.create(record);
      const binding = { userId: record.userId, browserBindingHash: record.browserBindingHash };
      const results = await Promise.all([1, 2, 3].map(() => store().oauthStates.consumeOnce(record.id, binding, new Date())));
      expect(results.filter(Boolean)).toEqual([record]);
      expect(await store().oauthStates.consumeOnce(record.id, binding, new Date())).toBeNull();
    });

    test('another user, another browser or an expired state gets nothing and does not use the state up', async () => {
      const record = pending();
      await store().oauthStates.create(record);
      expect(await store().oauthStates.consumeOnce(record.id, { userId: 'someone-else', browserBindingHash: record.browserBindingHash }, new Date())).toBeNull();
      expect(await store().oauthStates.consumeOnce(record.id, { userId: record.userId, browserBindingHash: 'other-browser' }, new Date())).toBeNull();
      const binding = { userId: record.userId, browserBindingHash: record.browserBindingHash };
      expect(await store().oauthStates.consumeOnce(record.id, binding, new Date(record.expiresAt.getTime() + 1))).toBeNull();
      expect(await store().oauthStates.consumeOnce(record.id, binding, new Date())).toEqual(record);
    });
  });
};
