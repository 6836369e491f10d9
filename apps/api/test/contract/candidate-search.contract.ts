import { randomUUID } from 'node:crypto';
import type { InterviewListFilter, ListedInterview, NewInterview } from '../../src/domain/ports/interview-repository';
import { newInterviewFixture } from '../support/new-interview-fixture';
import { useStore, type StoreContract } from './store-contract';

const DAY = 24 * 60 * 60 * 1000;

/** A candidate prefix many interviews share (issue 17: `q=grace`), paged in list order on every store. */
export const candidateSearchContract: StoreContract = (makeStore, raw) => {
  describe('candidate prefix search', () => {
    const store = useStore(makeStore);

    async function interview(overrides: Partial<NewInterview>) {
      return store().interviews.create(newInterviewFixture(overrides));
    }

    async function allPages(base: InterviewListFilter): Promise<string[]> {
      const ids: string[] = [];
      let after: InterviewListFilter['after'];
      for (let page = 0; page < 20; page += 1) {
        const found: readonly ListedInterview[] = await store().interviews.list({ ...base, ...(after ? { after } : {}) });
        ids.push(...found.map((record) => record.id));
        const last = found[found.length - 1];
        if (found.length < base.limit || !last) break;
        after = { startTime: last.startTime, id: last.id };
      }
      return ids;
    }

    test('a prefix matching several keys of one interview and of many others pages in list order, each once, across cursors, either direction', async () => {
      const tag = randomUUID().slice(0, 6);
      const second = Math.floor(Date.now() / 1000) * 1000;
      const at = (days: number) => new Date(second + days * DAY);
      // "zq<tag>" is the start of the full name, its first word and the email: one interview, three matching keys.
      const matching = [];
      for (const [index, days] of [4, 1, 3, 3, 2, 6, 5].entries()) {
        matching.push(await interview({ candidateName: `Zq${tag} Hopper ${index}`, candidateEmail: `zq${tag}.${index}@example.test`, startTime: at(days) }));
      }
      matching.push(await interview({ candidateName: `Ada Zq${tag}son`, candidateEmail: `ada-${tag}@example.test`, startTime: at(2.5) }));
      await interview({ candidateName: `Other ${tag}`, candidateEmail: `other-${tag}@example.test`, startTime: at(1.5) });
      const cancelled = await interview({ candidateName: `Zq${tag} Cancelled`, startTime: at(2) });
      await store().interviews.cancel(cancelled.id, new Date());
      const inOrder = [...matching].sort((a, b) => a.startTime.getTime() - b.startTime.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((record) => record.id);

      const upcoming = await allPages({ when: 'all', now: new Date(), includeCancelled: false, limit: 3, candidatePrefix: `zq${tag}` });
      expect(upcoming).toEqual(inOrder);

      const past = await allPages({ when: 'past', now: at(10), includeCancelled: false, limit: 2, candidatePrefix: `zq${tag}` });
      expect(past).toEqual([...inOrder].reverse());

      const fromDay3 = await allPages({ when: 'all', now: new Date(), includeCancelled: false, limit: 2, candidatePrefix: `zq${tag} h`, startFrom: at(3) });
      const hoppersFromDay3 = matching.filter((record) => record.candidateName.includes('Hopper') && record.startTime.getTime() >= at(3).getTime()).map((record) => record.id);
      expect(fromDay3).toEqual(inOrder.filter((id) => hoppersFromDay3.includes(id)));
    });

    test('an interview renamed away from the prefix leaves its results, and one renamed into it joins them in order', async () => {
      const tag = randomUUID().slice(0, 6);
      const first = await interview({ candidateName: `Yr${tag} One`, startTime: new Date(Date.now() + 2 * DAY) });
      const second = await interview({ candidateName: `Else ${tag}`, startTime: new Date(Date.now() + DAY) });

      await store().interviews.updateDetails(first.id, { candidateName: `Gone ${tag}` }, { bumpRevision: true, now: new Date() });
      await store().interviews.updateDetails(second.id, { candidateName: `Yr${tag} Two` }, { bumpRevision: true, now: new Date() });

      expect(await allPages({ when: 'all', now: new Date(), includeCancelled: false, limit: 5, candidatePrefix: `yr${tag}` })).toEqual([second.id]);
    });

    test('MongoDB answers a candidate prefix page from the searchKeys index, in its order, without sorting the matches', async () => {
      if (!raw.mongo) {
        console.log('skipped: the query plan is MongoDB’s (no mongod on this machine runs the MongoDB contract)');
        return;
      }
      // The shape MongoInterviewRepository.list sends for q=grace: an equality on a stored prefix (candidate-search-terms.ts).
      const plan = await raw.mongo.explainFind(store(), 'interviews', { filter: { searchKeys: 'grace', status: { $ne: 'cancelled' }, endTime: { $gte: new Date() } }, sort: { startTime: 1, _id: 1 }, limit: 26 });
      expect(plan.collectionScan).toBe(false);
      expect(plan.indexes).toContain('searchKeys_1_startTime_1__id_1');
      // The index hands the matches over in list order: the page stops after 26, nothing gathered and sorted.
      expect(plan.inMemorySort).toBe(false);
    });
  });
};

/** The migration step that makes interviews stored before search keys (or with an older kind) searchable. */
export const searchKeysBackfillContract: StoreContract = (makeStore, raw) => {
  describe('search keys backfill', () => {
    const store = useStore(makeStore);

    async function interview(candidateName: string) {
      return store().interviews.create(newInterviewFixture({ candidateName }));
    }
    const search = async (prefix: string) =>
      (await store().interviews.list({ when: 'all', now: new Date(), includeCancelled: false, limit: 10, candidatePrefix: prefix })).map((record) => record.id);

    test('interviews stored without search keys, or with the older full-keys-only kind, become searchable; a second run changes nothing', async () => {
      const tag = randomUUID().slice(0, 6);
      const [without, olderKind, current] = [await interview(`Wk${tag} Without`), await interview(`Wk${tag} Older`), await interview(`Wk${tag} Current`)];
      if (raw.mongo) {
        await raw.mongo.setInterviewFields(store(), without.id, { searchKeys: undefined, searchKeysVersion: undefined });
        await raw.mongo.setInterviewFields(store(), olderKind.id, { searchKeys: [`wk${tag} older`, `wk${tag}`, 'older'], searchKeysVersion: undefined });
        expect(await search(`wk${tag}`)).toEqual([current.id]);
      }

      const first = await store().interviews.backfillSearchKeys(2);
      const second = await store().interviews.backfillSearchKeys(2);

      expect(first).toBe(raw.mongo ? 2 : 0);
      expect(second).toBe(0);
      expect((await search(`wk${tag}`)).sort()).toEqual([without.id, olderKind.id, current.id].sort());
      expect(await search(`wk${tag} w`)).toEqual([without.id]);
    });
  });
};
