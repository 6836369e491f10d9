import { randomUUID } from 'node:crypto';
import { useStore, type StoreContract } from './store-contract';

const MINUTE = 60_000;

function uniqueKey(label: string): string {
  return `contract-${label}:${randomUUID()}`;
}

export const rateLimitCounterRepositoryContract: StoreContract = (makeStore) => {
  describe('RateLimitCounterRepository', () => {
    const store = useStore(makeStore);

    test('hits on one key count up inside one window that ends windowMs after the first hit', async () => {
      const key = uniqueKey('count');
      const before = Date.now();
      const first = await store().rateLimits.hit(key, 15 * MINUTE);
      const second = await store().rateLimits.hit(key, 15 * MINUTE);
      const third = await store().rateLimits.hit(key, 15 * MINUTE);
      expect([first.count, second.count, third.count]).toEqual([1, 2, 3]);
      expect(third.resetAt.getTime()).toBe(first.resetAt.getTime());
      // The store's clock may differ a little from this process's.
      expect(Math.abs(first.resetAt.getTime() - (before + 15 * MINUTE))).toBeLessThan(5_000);
      expect(await store().rateLimits.get(key)).toEqual({ count: 3, resetAt: first.resetAt });
    });

    test('keys are counted apart', async () => {
      const a = uniqueKey('a');
      const b = uniqueKey('b');
      await store().rateLimits.hit(a, MINUTE);
      await store().rateLimits.hit(a, MINUTE);
      expect((await store().rateLimits.hit(b, MINUTE)).count).toBe(1);
      expect((await store().rateLimits.get(a))?.count).toBe(2);
    });

    test('concurrent hits from several instances are all counted', async () => {
      const key = uniqueKey('concurrent');
      const counts = await Promise.all(Array.from({ length: 20 }, () => store().rateLimits.hit(key, MINUTE)));
      expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    test('undo takes one hit back and never goes below zero; reset forgets the key', async () => {
      const key = uniqueKey('undo');
      await store().rateLimits.hit(key, MINUTE);
      await store().rateLimits.hit(key, MINUTE);
      await store().rateLimits.undo(key);
      expect((await store().rateLimits.get(key))?.count).toBe(1);
      await store().rateLimits.undo(key);
      await store().rateLimits.undo(key);
      expect((await store().rateLimits.get(key))?.count).toBe(0);
      await store().rateLimits.reset(key);
      expect(await store().rateLimits.get(key)).toBeNull();
      expect((await store().rateLimits.hit(key, MINUTE)).count).toBe(1);
    });

    test('an unknown key has no window, and undo or reset on it changes nothing', async () => {
      const key = uniqueKey('unknown');
      await store().rateLimits.undo(key);
      await store().rateLimits.reset(key);
      expect(await store().rateLimits.get(key)).toBeNull();
    });

    test('once a window has ended the key has no count and the next hit starts a new window at 1', async () => {
      const key = uniqueKey('lapsed');
      await store().rateLimits.hit(key, 30);
      await store().rateLimits.hit(key, 30);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await store().rateLimits.get(key)).toBeNull();
      const next = await store().rateLimits.hit(key, MINUTE);
      expect(next.count).toBe(1);
      expect(next.resetAt.getTime()).toBeGreaterThan(Date.now() + MINUTE / 2);
    });
  });
};
