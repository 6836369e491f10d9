import type { StoreContract } from './store-contract';

export const storeLifecycleContract: StoreContract = (makeStore) => {
  describe('Store', () => {
    test('a new store answers ping (what /api/ready relies on) and closes cleanly', async () => {
      const store = await makeStore();
      await expect(store.ping()).resolves.toBeUndefined();
      await expect(store.close()).resolves.toBeUndefined();
    });

    test('each new store starts empty', async () => {
      const first = await makeStore();
      const second = await makeStore();
      try {
        await first.users.create({ name: 'Only In First', email: 'only-in-first@contract.example.test', role: 'admin', passwordHash: 'x' });
        expect(await second.users.findByEmail('only-in-first@contract.example.test')).toBeNull();
        expect(await second.users.list()).toEqual([]);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });
};
