import { randomUUID } from 'node:crypto';
import type { InterviewListFilter, NewInterview } from '../../src/domain/ports/interview-repository';
import { newInterviewFixture } from '../support/new-interview-fixture';
import { useStore, type StoreContract } from './store-contract';

const DAY = 24 * 60 * 60 * 1000;
const HASH = 'scrypt$contract-salt$contract-hash-value';

/** Pages and filters of the lists (issue 17), the same on every store. */
export const listQueriesContract: StoreContract = (makeStore) => {
  describe('list pages and filters', () => {
    const store = useStore(makeStore);

    async function interview(overrides: Partial<NewInterview> & Pick<NewInterview, 'interviewerId' | 'createdById'>) {
      return store().interviews.create(newInterviewFixture({ candidateEmail: 'casey@contract.example.test', ...overrides }));
    }

    test('interviews page after a position in either direction, ties broken by id, with no gaps or repeats', async () => {
      const interviewerId = `interviewer-${randomUUID()}`;
      const at = (days: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + days * DAY);
      const created = [];
      for (const days of [3, 1, 2, 2, 5]) created.push(await interview({ interviewerId, createdById: 'r', startTime: at(days) }));
      const base: InterviewListFilter = { interviewerId, when: 'all', now: new Date(), includeCancelled: false, limit: 2 };

      const ids: string[] = [];
      let after: InterviewListFilter['after'];
      for (let page = 0; page < 5; page += 1) {
        const found = await store().interviews.list({ ...base, ...(after ? { after } : {}) });
        ids.push(...found.map((record) => record.id));
        const last = found[found.length - 1];
        if (!last || found.length < 2) break;
        after = { startTime: last.startTime, id: last.id };
      }
      const everything = await store().interviews.list({ ...base, limit: 100 });
      const upcomingFirstTwo = await store().interviews.list({ ...base, when: 'upcoming', limit: 2 });
      const pastAfter = await store().interviews.list({ ...base, when: 'past', now: at(10), limit: 2, after: { startTime: everything[3]!.startTime, id: everything[3]!.id } });

      expect(ids).toEqual(everything.map((record) => record.id));
      expect(new Set(ids).size).toBe(created.length);
      expect(upcomingFirstTwo.map((record) => record.id)).toEqual(ids.slice(0, 2));
      expect(pastAfter.map((record) => record.id)).toEqual([ids[2], ids[1]]);
    });

    test('interviews filter by scheduler, candidate prefix (name, a word of it, email), meeting state, host and start range', async () => {
      const createdById = `recruiter-${randomUUID()}`;
      const interviewerId = `interviewer-${randomUUID()}`;
      const ada = await interview({ interviewerId, createdById, candidateName: 'Ada Lovelace', candidateEmail: 'ada@analytical.example', startTime: new Date(Date.now() + 2 * DAY) });
      const grace = await interview({ interviewerId, createdById, candidateName: 'Grace Hopper', candidateEmail: 'grace@navy.example', startTime: new Date(Date.now() + 4 * DAY) });
      await store().interviews.release(grace.id, 'contract', grace.revision, { status: 'scheduled', hostSource: 'system' });
      const renamed = await interview({ interviewerId, createdById, candidateName: 'Old Name', startTime: new Date(Date.now() + 6 * DAY) });
      await store().interviews.updateDetails(renamed.id, { candidateName: 'Barbara Liskov' }, { bumpRevision: false, now: new Date() });
      const base: InterviewListFilter = { createdById, when: 'upcoming', now: new Date(), includeCancelled: false, limit: 50 };
      const ids = async (extra: Partial<InterviewListFilter>) => (await store().interviews.list({ ...base, ...extra })).map((record) => record.id);

      expect(await ids({})).toEqual([ada.id, grace.id, renamed.id]);
      expect(await ids({ candidatePrefix: 'love' })).toEqual([ada.id]);
      expect(await ids({ candidatePrefix: 'grace@n' })).toEqual([grace.id]);
      expect(await ids({ candidatePrefix: 'lisk' })).toEqual([renamed.id]);
      expect(await ids({ candidatePrefix: 'old' })).toEqual([]);
      expect(await ids({ candidatePrefix: '.*' })).toEqual([]);
      expect(await ids({ meetingStatus: 'scheduled' })).toEqual([grace.id]);
      expect(await ids({ hostSource: 'system' })).toEqual([grace.id]);
      expect(await ids({ startFrom: new Date(Date.now() + 3 * DAY), startBefore: new Date(Date.now() + 5 * DAY) })).toEqual([grace.id]);
      expect(await ids({ createdById: `nobody-${randomUUID()}` })).toEqual([]);
    });

    test('users page in email order after an email, filter by role, state and a name/email prefix, and are counted per role and state', async () => {
      const tag = randomUUID().slice(0, 8);
      const before = await store().users.countByConnectionState();
      const made = [];
      for (const [name, role] of [['Zed Alpha', 'interviewer'], ['Amy Beta', 'interviewer'], ['Bob Gamma', 'recruiter']] as const) {
        made.push(await store().users.create({ name: `${name} ${tag}`, email: `${name.split(' ')[0]!.toLowerCase()}-${tag}@contract.example.test`, role, passwordHash: HASH }));
      }
      const after = await store().users.countByConnectionState();
      const count = (rows: typeof before, role: string) => rows.filter((row) => row.role === role && row.zoomConnectionState === 'not_connected').reduce((sum, row) => sum + row.count, 0);

      const byTag = await store().users.search({ prefix: tag });
      const interviewers = await store().users.search({ prefix: tag, role: 'interviewer', limit: 1 });
      const next = await store().users.search({ prefix: tag, role: 'interviewer', afterEmail: interviewers[0]!.email });
      const byEmail = await store().users.search({ prefix: `bob-${tag}` });
      const connected = await store().users.search({ prefix: tag, zoomConnectionState: 'connected' });

      expect(byTag.map((user) => user.name)).toEqual([`Amy Beta ${tag}`, `Bob Gamma ${tag}`, `Zed Alpha ${tag}`]);
      expect(interviewers.map((user) => user.name)).toEqual([`Amy Beta ${tag}`]);
      expect(next.map((user) => user.name)).toEqual([`Zed Alpha ${tag}`]);
      expect(byEmail.map((user) => user.id)).toEqual([made[2]!.id]);
      expect(connected).toEqual([]);
      expect(count(after, 'interviewer') - count(before, 'interviewer')).toBe(2);
      expect(count(after, 'recruiter') - count(before, 'recruiter')).toBe(1);
    });
  });
};
