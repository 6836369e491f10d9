import { randomUUID } from 'node:crypto';
import type { InterviewListFilter, ListedInterview, NewInterview } from '../../src/domain/ports/interview-repository';
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

    test('a page hands out rows to read, not to change (assigning to one does not compile), and the next page shows a later write', async () => {
      // Never run: the typecheck of the test command fails if any of these compiles (the directive is then unused).
      const changeListedRow = (row: ListedInterview) => {
        // @ts-expect-error a field of a listed row
        row.candidateName = 'Changed By A Caller';
        // @ts-expect-error a nested field
        row.meeting.joinUrl = 'https://attacker.example/j/1';
        // @ts-expect-error the panel
        row.interviewerIds.push('someone-else');
      };
      void changeListedRow;
      const interviewerId = `interviewer-${randomUUID()}`;
      const created = await interview({ interviewerId, createdById: 'r', startTime: new Date(Date.now() + 2 * 60 * 60 * 1000) });
      const filter: InterviewListFilter = { interviewerId, when: 'upcoming', now: new Date(), includeCancelled: false, limit: 10 };
      expect((await store().interviews.list(filter)).map((row) => row.position)).toEqual([created.position]);

      await store().interviews.updateDetails(created.id, { position: 'Principal Engineer' }, { bumpRevision: false, now: new Date() });
      expect((await store().interviews.list(filter)).map((row) => row.position)).toEqual(['Principal Engineer']);
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

    test('the counts per role and state follow every write that moves a user between them: connect, needs reconnect, disconnect, role and deactivation', async () => {
      const user = await store().users.create({ name: 'Tally Person', email: `tally-${randomUUID().slice(0, 8)}@contract.example.test`, role: 'interviewer', passwordHash: HASH });
      const baseline = await store().users.countByConnectionState();
      const delta = async () => {
        const now = await store().users.countByConnectionState();
        const key = (row: (typeof now)[number]) => `${row.role}/${row.zoomConnectionState}/${row.active ? 'active' : 'inactive'}`;
        const changes: Record<string, number> = {};
        for (const row of now) changes[key(row)] = (changes[key(row)] ?? 0) + row.count;
        for (const row of baseline) changes[key(row)] = (changes[key(row)] ?? 0) - row.count;
        return Object.fromEntries(Object.entries(changes).filter(([, change]) => change !== 0));
      };
      const tokens = { accessToken: 'v1.k.access', refreshToken: 'v1.k.refresh', expiresAt: new Date(Date.now() + 3_600_000) };
      const zoomUserId = `zoom-${randomUUID()}`;

      await store().zoomConnections.saveConnection(user.id, { zoomUserId, zoomEmail: 'tally@zoom.example.test', zoomAccountId: 'acct-1', scopes: ['meeting:write'], tokens, connectedAt: new Date() });
      expect(await delta()).toEqual({ 'interviewer/not_connected/active': -1, 'interviewer/connected/active': 1 });
      await store().zoomConnections.markNeedsReconnect(user.id, 'refresh_rejected');
      expect(await delta()).toEqual({ 'interviewer/not_connected/active': -1, 'interviewer/needs_reconnect/active': 1 });
      await store().zoomConnections.clearConnection(user.id, null);
      expect(await delta()).toEqual({});
      await store().users.changeAccount(user.id, { role: 'recruiter' });
      expect(await delta()).toEqual({ 'interviewer/not_connected/active': -1, 'recruiter/not_connected/active': 1 });
      await store().users.changeAccount(user.id, { active: false });
      expect(await delta()).toEqual({ 'interviewer/not_connected/active': -1, 'recruiter/not_connected/inactive': 1 });
    });
  });
};
