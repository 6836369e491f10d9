import { randomUUID } from 'node:crypto';
import { useStore, type StoreContract } from './store-contract';

export const jobLeaseRepositoryContract: StoreContract = (makeStore) => {
  describe('JobLeaseRepository', () => {
    const store = useStore(makeStore);

    test('of concurrent processes exactly one holds a job lease, until it is released or expires', async () => {
      const job = `job-${randomUUID()}`;
      const results = await Promise.all(['a', 'b', 'c'].map((owner) => store().jobLeases.acquire(job, owner, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const holder = ['a', 'b', 'c'][results.indexOf(true)]!;
      const other = holder === 'a' ? 'b' : 'a';
      expect(await store().jobLeases.acquire(job, holder, 60_000)).toBe(true);
      await store().jobLeases.release(job, other);
      expect(await store().jobLeases.acquire(job, other, 60_000)).toBe(false);
      await store().jobLeases.release(job, holder);
      expect(await store().jobLeases.acquire(job, other, 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await store().jobLeases.acquire(job, holder, 60_000)).toBe(true);
    });
  });
};
