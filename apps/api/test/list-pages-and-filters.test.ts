import type { InterviewListResponse } from '@crm/shared/interviews';
import type { AdminZoomConnectionsResponse } from '@crm/shared/zoom-connection';
import type { Agent } from 'supertest';
import type { NewInterview } from '../src/domain/ports/interview-repository';
import { newInterviewFixture } from './support/new-interview-fixture';
import { createTestUser, signInAs, startTestApi, type TestApi } from './support/start-test-api';

const DAY = 24 * 60 * 60 * 1000;

describe('lists that page and search', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    await api.close();
  });

  async function seedInterview(overrides: Partial<NewInterview> & Pick<NewInterview, 'interviewerId' | 'createdById'>) {
    const created = await api.store.interviews.create(
      newInterviewFixture({ candidateName: 'Casey Candidate', candidateEmail: 'casey@candidate.example', claim: { owner: 'seed', expiresAt: new Date(Date.now() + 60_000) }, ...overrides }),
    );
    // Settled as if Zoom had the meeting, so filters by meeting state have something to tell apart.
    await api.store.interviews.release(created.id, 'seed', created.revision, { status: 'scheduled', pendingAction: null, syncedRevision: 1, hostSource: 'interviewer', zoomMeetingId: `9${created.id.replace(/\D/g, '').slice(0, 10).padEnd(10, '0')}` });
    return created;
  }

  async function allPages(agent: Agent, query: Record<string, string>): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await agent.get('/api/interviews').query({ ...query, ...(cursor ? { cursor } : {}) }).expect(200);
      const body = response.body as InterviewListResponse;
      ids.push(...body.interviews.map((interview) => interview.id));
      cursor = body.nextCursor ?? null;
      pages += 1;
    } while (cursor && pages < 50);
    return { ids, pages };
  }

  test('pages of the interview list follow its order to the end, each interview once, and the last page has no cursor', async () => {
    const recruiter = await signInAs(api, 'recruiter');
    const interviewer = await createTestUser(api.store, 'interviewer');
    // Two at the same instant: the id breaks the tie, so a page boundary between them loses neither.
    const starts = [5, 1, 3, 3, 2, 7, 4].map((days) => new Date(Date.now() + days * DAY));
    const created = [];
    for (const startTime of starts) created.push(await seedInterview({ interviewerId: interviewer.id, createdById: recruiter.user.id, startTime }));

    const { ids, pages } = await allPages(recruiter.agent, { limit: '3' });
    const everything = (await recruiter.agent.get('/api/interviews').query({ limit: '200' }).expect(200)).body as InterviewListResponse;

    expect(pages).toBe(3);
    expect(ids).toEqual(everything.interviews.map((interview) => interview.id));
    expect(new Set(ids)).toEqual(new Set(created.map((interview) => interview.id)));
    expect(everything.nextCursor).toBeNull();
  });

  test('filters: candidate prefix (any word or the email), recruiter, "mine", meeting state, host and start range, with an interviewer limited to their own', async () => {
    const recruiter = await signInAs(api, 'recruiter');
    const otherRecruiter = await createTestUser(api.store, 'recruiter');
    const interviewer = await signInAs(api, 'interviewer');
    const otherInterviewer = await createTestUser(api.store, 'interviewer');
    const ada = await seedInterview({ interviewerId: interviewer.user.id, createdById: recruiter.user.id, candidateName: 'Ada Lovelace', candidateEmail: 'ada@analytical.example', startTime: new Date(Date.now() + 2 * DAY) });
    const grace = await seedInterview({ interviewerId: otherInterviewer.id, createdById: otherRecruiter.id, candidateName: 'Grace Hopper', candidateEmail: 'grace@navy.example', startTime: new Date(Date.now() + 4 * DAY) });
    const pending = await api.store.interviews.create({
      candidateName: 'Alan Turing', candidateEmail: 'alan@bletchley.example', position: 'P', interviewerId: otherInterviewer.id, createdById: recruiter.user.id,
      startTime: new Date(Date.now() + 6 * DAY), timeZone: 'UTC', durationMinutes: 30, agenda: '', notes: '', claim: { owner: 'seed', expiresAt: new Date(Date.now() + 60_000) },
    });
    const ids = async (agent: Agent, query: Record<string, string>) => ((await agent.get('/api/interviews').query(query).expect(200)).body as InterviewListResponse).interviews.map((i) => i.id);

    expect(await ids(recruiter.agent, { q: 'LOVE' })).toEqual([ada.id]);
    expect(await ids(recruiter.agent, { q: 'grace@' })).toEqual([grace.id]);
    expect(await ids(recruiter.agent, { q: 'a' })).toEqual([ada.id, pending.id]);
    expect(await ids(recruiter.agent, { recruiterId: otherRecruiter.id })).toEqual([grace.id]);
    expect(await ids(recruiter.agent, { mine: 'true' })).toEqual([ada.id, pending.id]);
    expect(await ids(recruiter.agent, { meetingStatus: 'pending' })).toEqual([pending.id]);
    expect(await ids(recruiter.agent, { hostSource: 'interviewer' })).toEqual([ada.id, grace.id]);
    expect(await ids(recruiter.agent, { from: new Date(Date.now() + 3 * DAY).toISOString(), to: new Date(Date.now() + 5 * DAY).toISOString() })).toEqual([grace.id]);
    expect(await ids(recruiter.agent, { interviewerId: otherInterviewer.id, q: 'gr' })).toEqual([grace.id]);
    expect(await ids(interviewer.agent, {})).toEqual([ada.id]);
    expect(await ids(interviewer.agent, { q: 'grace' })).toEqual([]);
  });

  test('"include cancelled" adds cancelled interviews, and asking for cancelled meetings shows them', async () => {
    const recruiter = await signInAs(api, 'recruiter');
    const interviewer = await createTestUser(api.store, 'interviewer');
    const kept = await seedInterview({ interviewerId: interviewer.id, createdById: recruiter.user.id });
    const cancelled = await seedInterview({ interviewerId: interviewer.id, createdById: recruiter.user.id, startTime: new Date(Date.now() + 2 * DAY) });
    await api.store.interviews.cancel(cancelled.id, new Date());
    const ids = async (query: Record<string, string>) => ((await recruiter.agent.get('/api/interviews').query(query).expect(200)).body as InterviewListResponse).interviews.map((i) => i.id);

    expect(await ids({})).toEqual([kept.id]);
    expect(await ids({ includeCancelled: 'true' })).toEqual([kept.id, cancelled.id]);
  });

  test('a cursor that was altered, reused with other filters, or taken from another user is refused with 400 invalid_cursor, never a 500 or their data', async () => {
    const recruiter = await signInAs(api, 'recruiter');
    const otherRecruiter = await signInAs(api, 'recruiter');
    const interviewer = await signInAs(api, 'interviewer');
    for (let day = 1; day <= 4; day += 1) {
      await seedInterview({ interviewerId: interviewer.user.id, createdById: recruiter.user.id, startTime: new Date(Date.now() + day * DAY) });
    }
    const first = (await recruiter.agent.get('/api/interviews').query({ limit: '2' }).expect(200)).body as InterviewListResponse;
    const cursor = first.nextCursor!;
    const [body, signature] = cursor.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { k: [number, string]; s: string };
    const forged = `${Buffer.from(JSON.stringify({ ...decoded, k: [0, ''] })).toString('base64url')}.${signature}`;
    const interviewerCursor = ((await interviewer.agent.get('/api/interviews').query({ limit: '1' }).expect(200)).body as InterviewListResponse).nextCursor!;
    const flipped = `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`;

    const attempts: Array<[Agent, Record<string, string>]> = [
      [recruiter.agent, { limit: '2', cursor: flipped }],
      [recruiter.agent, { limit: '2', cursor: forged }],
      [recruiter.agent, { limit: '2', cursor: body }],
      [recruiter.agent, { limit: '2', cursor: 'not-a-cursor' }],
      [recruiter.agent, { limit: '2', cursor: `${body}.${signature}.x` }],
      [recruiter.agent, { limit: '2', cursor: '.' }],
      [recruiter.agent, { limit: '2', cursor, q: 'casey' }],
      [recruiter.agent, { limit: '2', cursor, when: 'past' }],
      [recruiter.agent, { limit: '2', cursor, mine: 'true' }],
      [otherRecruiter.agent, { limit: '2', cursor }],
      [recruiter.agent, { limit: '2', cursor: interviewerCursor }],
      [interviewer.agent, { limit: '2', cursor }],
    ];
    for (const [agent, query] of attempts) {
      const response = await agent.get('/api/interviews').query(query);
      expect({ query, status: response.status, code: response.body?.error?.code }).toEqual({ query, status: 400, code: 'invalid_cursor' });
    }
    // The same cursor, same filters, same viewer: still good (a limit change is allowed).
    const second = (await recruiter.agent.get('/api/interviews').query({ limit: '5', cursor }).expect(200)).body as InterviewListResponse;
    expect(second.interviews).toHaveLength(2);
  });

  test('the admin connections list pages by email, filters by name/email prefix, state and role, and keeps totals for everyone', async () => {
    const admin = await signInAs(api, 'admin');
    for (const name of ['Zoe Zed', 'Yan Yu', 'Xia Xu', 'Wes West']) await createTestUser(api.store, 'interviewer', { name, email: `${name.split(' ')[0]!.toLowerCase()}@org.example` });
    const page = async (query: Record<string, string>) => (await admin.agent.get('/api/admin/zoom/connections').query(query).expect(200)).body as AdminZoomConnectionsResponse;

    const first = await page({ role: 'interviewer', limit: '3' });
    const second = await page({ role: 'interviewer', limit: '3', cursor: first.nextCursor! });
    const searched = await page({ q: 'xu' });
    const notConnected = await page({ state: 'connected' });
    const otherFilter = await admin.agent.get('/api/admin/zoom/connections').query({ role: 'admin', limit: '3', cursor: first.nextCursor! });

    expect(first.users.map((user) => user.email)).toEqual(['wes@org.example', 'xia@org.example', 'yan@org.example']);
    expect(second.users.map((user) => user.email)).toEqual(['zoe@org.example']);
    expect(second.nextCursor).toBeNull();
    expect(searched.users.map((user) => user.name)).toEqual(['Xia Xu']);
    expect(notConnected.users).toEqual([]);
    expect(first.totals).toEqual({ connected: 0, needs_reconnect: 0, not_connected: 5 });
    expect(first.interviewers).toEqual({ total: 4, connected: 0, adoptionRate: 0 });
    expect(otherFilter.status).toBe(400);
    expect(otherFilter.body.error.code).toBe('invalid_cursor');
  });

  test('the interviewer picker answers a type-ahead with the matching interviewers only', async () => {
    const recruiter = await signInAs(api, 'recruiter');
    await createTestUser(api.store, 'interviewer', { name: 'Margaret Hamilton', email: 'mh@org.example' });
    await createTestUser(api.store, 'interviewer', { name: 'Katherine Johnson', email: 'kj@org.example' });
    await createTestUser(api.store, 'recruiter', { name: 'Hamish Recruiter', email: 'hamish@org.example' });
    const names = async (query: Record<string, string>) => ((await recruiter.agent.get('/api/interviewers').query(query).expect(200)).body as { interviewers: Array<{ name: string }> }).interviewers.map((i) => i.name);

    expect(await names({ q: 'ham' })).toEqual(['Margaret Hamilton']);
    expect(await names({ q: 'KJ@' })).toEqual(['Katherine Johnson']);
    expect((await names({})).sort()).toEqual(['Katherine Johnson', 'Margaret Hamilton']);
    expect(await names({ q: 'ka', limit: '1' })).toEqual(['Katherine Johnson']);
  });
});
