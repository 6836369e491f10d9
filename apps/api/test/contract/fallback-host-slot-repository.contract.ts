import { randomUUID } from 'node:crypto';
import type { PoolHost } from '../../src/domain/ports/fallback-host-slot-repository';
import { useStore, type StoreContract } from './store-contract';

const HOUR = 3_600_000;

/** Hosts no other test uses, so tests can share a store. */
function pool(...allowances: number[]): PoolHost[] {
  const run = randomUUID().slice(0, 8);
  return allowances.map((allowance, index) => ({ zoomUserId: `host${index + 1}-${run}@pool.example.test`, allowance }));
}

const now = new Date('2030-01-01T00:00:00Z');
function at(hour: number, lengthHours = 1) {
  return { startTime: new Date(now.getTime() + hour * HOUR), endTime: new Date(now.getTime() + (hour + lengthHours) * HOUR), now };
}

export const fallbackHostSlotRepositoryContract: StoreContract = (makeStore) => {
  describe('FallbackHostSlotRepository', () => {
    const store = useStore(makeStore);
    const reserve = (interviewId: string, hosts: PoolHost[], window: ReturnType<typeof at>) => store().fallbackHostSlots.reserve({ interviewId, hosts, ...window });

    test('overlapping interviews fill the hosts in order, one slot each at allowance 1; then none is free', async () => {
      const hosts = pool(1, 1);
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      expect(await reserve(a, hosts, at(10))).toBe(hosts[0]!.zoomUserId);
      expect(await reserve(b, hosts, at(10.5))).toBe(hosts[1]!.zoomUserId);
      expect(await reserve(c, hosts, at(10.5, 0.25))).toBeNull();
      expect(await store().fallbackHostSlots.hostOf(c)).toBeNull();
    });

    test('a host with allowance 2 takes two overlapping interviews before the next host is used', async () => {
      const hosts = pool(2, 1);
      const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const chosen = [];
      for (const id of ids) chosen.push(await reserve(id, hosts, at(20)));
      expect(chosen).toEqual([hosts[0]!.zoomUserId, hosts[0]!.zoomUserId, hosts[1]!.zoomUserId, null]);
    });

    test('back-to-back interviews share a host (a meeting ending at 11:00 frees it for 11:00)', async () => {
      const hosts = pool(1);
      expect(await reserve(randomUUID(), hosts, at(10))).toBe(hosts[0]!.zoomUserId);
      expect(await reserve(randomUUID(), hosts, at(11))).toBe(hosts[0]!.zoomUserId);
      expect(await reserve(randomUUID(), hosts, at(9))).toBe(hosts[0]!.zoomUserId);
    });

    test('a released slot is free again; releasing what is not held changes nothing', async () => {
      const hosts = pool(1);
      const [first, second] = [randomUUID(), randomUUID()];
      await reserve(first, hosts, at(30));
      expect(await reserve(second, hosts, at(30))).toBeNull();
      await store().fallbackHostSlots.release(first);
      await store().fallbackHostSlots.release(randomUUID());
      expect(await store().fallbackHostSlots.hostOf(first)).toBeNull();
      expect(await reserve(second, hosts, at(30))).toBe(hosts[0]!.zoomUserId);
      expect(await store().fallbackHostSlots.hostOf(second)).toBe(hosts[0]!.zoomUserId);
    });

    test("an interview's own slot never blocks its new time, and a new reservation replaces the old one", async () => {
      const hosts = pool(1, 1);
      const id = randomUUID();
      expect(await reserve(id, hosts, at(40))).toBe(hosts[0]!.zoomUserId);
      // Moved by half an hour: it overlaps only itself.
      expect(await reserve(id, hosts, at(40.5))).toBe(hosts[0]!.zoomUserId);
      // Its old time is free for someone else.
      expect(await reserve(randomUUID(), hosts, at(40, 0.5))).toBe(hosts[0]!.zoomUserId);
      // Only the second host is asked now, and it is free: the slot moves there and leaves the first.
      expect(await reserve(id, [hosts[1]!], at(50))).toBe(hosts[1]!.zoomUserId);
      expect(await store().fallbackHostSlots.hostOf(id)).toBe(hosts[1]!.zoomUserId);
      expect(await reserve(randomUUID(), [hosts[0]!], at(40.5))).toBe(hosts[0]!.zoomUserId);
    });

    test('when no host is free the interview keeps the slot it already held', async () => {
      const hosts = pool(1);
      const [held, blocker] = [randomUUID(), randomUUID()];
      await reserve(held, hosts, at(60));
      await reserve(blocker, hosts, at(70));
      expect(await reserve(held, hosts, at(70))).toBeNull();
      expect(await store().fallbackHostSlots.hostOf(held)).toBe(hosts[0]!.zoomUserId);
      expect(await reserve(randomUUID(), hosts, at(60))).toBeNull();
    });

    test('20 concurrent reservations for one time on 3 hosts of allowance 1 get exactly 3 slots, on 3 different hosts', async () => {
      const hosts = pool(1, 1, 1);
      const chosen = await Promise.all(Array.from({ length: 20 }, () => reserve(randomUUID(), hosts, at(80))));
      const granted = chosen.filter((host): host is string => host !== null);
      expect(granted).toHaveLength(3);
      expect(new Set(granted)).toEqual(new Set(hosts.map((host) => host.zoomUserId)));
    });
  });
};
