import type { Interview } from '@crm/shared/interviews';
import { DEFAULT_SIMULATED_USERS, type SimulatedZoomUser } from '@crm/zoom-simulator';
import { EnvError } from '../src/config/env';
import { createTestUser, signInAs } from './support/start-test-api';
import { startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, SYSTEM_HOST } from './support/meeting-test-helpers';
import { testEnv } from './support/test-env';

const HOUR = 60 * 60 * 1000;
/** A whole-minute instant `hours` from now, as the API expects it. */
const inHours = (hours: number) => new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Three more Zoom users on the organisation's account, to host fallback meetings. */
const POOL_USERS: SimulatedZoomUser[] = [1, 2, 3].map((n) => ({
  id: `poolHost${n}-zoom-user-id-0000`.slice(0, 22),
  email: `pool${n}@corp.example`,
  firstName: 'Pool',
  lastName: `Host ${n}`,
  accountId: 'sim-account-001',
  timezone: 'UTC',
}));
const poolEmails = POOL_USERS.map((user) => user.email);

describe('fallback host pool (ZOOM_FALLBACK_HOSTS)', () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  /** The API with the pool, on a simulator that knows the pool's users; the interviewer has no Zoom, so every meeting falls back. */
  async function arrange(fallbackHosts: string | undefined) {
    stack = await startTestStack({
      env: { ...S2S_ENV, ...(fallbackHosts === undefined ? {} : { ZOOM_FALLBACK_HOSTS: fallbackHosts }) },
      zoom: { users: [...DEFAULT_SIMULATED_USERS, ...POOL_USERS] },
    });
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = await createTestUser(stack.api.store, 'interviewer');
    // One interviewer for every interview: the conflict check is confirmed past, so only the pool decides.
    const create = (startTime: string, durationMinutes = 60) => recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.id, { startTime, durationMinutes, allowConflict: true }));
    return { recruiter, interviewer, create };
  }

  const meetingHosts = () => stack.zoom.control.meetings().filter((m) => !m.deleted).map((m) => m.host_email);

  test('50 concurrent fallback creates for one slot with 3 hosts of allowance 1: exactly 3 scheduled, 47 saved as no_fallback_host_free, 0 double-booked hosts in the simulator', async () => {
    const { recruiter, create } = await arrange(poolEmails.join(','));
    const startTime = inHours(72);

    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 50 }, () => create(startTime)));
    const elapsedMs = Date.now() - started;

    expect(responses.map((r) => r.status).filter((status) => status !== 201)).toEqual([]);
    const interviews = responses.map((r) => (r.body as { interview: Interview }).interview);
    const scheduled = interviews.filter((i) => i.meeting.status === 'scheduled');
    const full = interviews.filter((i) => i.meeting.lastError?.code === 'no_fallback_host_free');
    expect(scheduled).toHaveLength(3);
    expect(full).toHaveLength(47);
    expect(full.every((i) => i.meeting.status === 'failed' && i.meeting.zoomMeetingId === null)).toBe(true);
    expect(full[0]!.meeting.lastError!.message).toMatch(/No fallback Zoom host is free at that time: all 3 slots of the organisation's 3 fallback hosts overlap/);
    expect(new Set(scheduled.map((i) => i.meeting.hostZoomEmail))).toEqual(new Set(poolEmails));
    // Zoom's own record: three meetings, one per pool host, and nobody hosting two at once.
    expect(meetingHosts().sort()).toEqual([...poolEmails].sort());
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);
    // Every one was saved: nothing is lost when the pool is full.
    const listed = await recruiter.agent.get('/api/interviews').query({ limit: 100 });
    expect(listed.body.interviews).toHaveLength(50);
    // The audit trail tells each refusal with its code.
    const failedEvents = (await stack.api.store.audit.query({ types: ['meeting.failed'] }, { after: null, limit: 100 })).events;
    expect(failedEvents.filter((event) => (event.details as { code?: string }).code === 'no_fallback_host_free')).toHaveLength(47);
    console.info(`50 concurrent fallback creates, pool of 3 × allowance 1: 3 scheduled, 47 no_fallback_host_free, 0 double-booked hosts, in ${elapsedMs} ms`);
  });

  test('two API instances sharing the store never give one slot twice: 20 concurrent creates split across them get 3 meetings on 3 hosts', async () => {
    const { recruiter, interviewer } = await arrange(poolEmails.join(','));
    const other = await stack.startAnotherApi();
    const otherRecruiter = await signInAs(other, 'recruiter');
    const startTime = inHours(75);
    const body = () => interviewRequest(interviewer.id, { startTime, durationMinutes: 60, allowConflict: true });

    const responses = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? recruiter : otherRecruiter).agent.post('/api/interviews').send(body())));

    const meetings = responses.map((r) => (r.body as { interview: Interview }).interview.meeting);
    expect(meetings.filter((m) => m.status === 'scheduled')).toHaveLength(3);
    expect(meetings.filter((m) => m.lastError?.code === 'no_fallback_host_free')).toHaveLength(17);
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);
  });

  test('a host with allowance 2 takes two overlapping interviews before the next host takes one; a fourth finds the pool full', async () => {
    const { create } = await arrange(`${poolEmails[0]}:2,${poolEmails[1]}`);
    const at = inHours(80);
    const results = [];
    for (let n = 0; n < 4; n += 1) results.push(((await create(at)).body as { interview: Interview }).interview);

    expect(results.map((i) => i.meeting.hostZoomEmail)).toEqual([poolEmails[0], poolEmails[0], poolEmails[1], null]);
    expect(results[3]!.meeting.lastError?.code).toBe('no_fallback_host_free');
    expect(stack.zoom.control.hostConcurrency({ allowances: { [poolEmails[0]!]: 2 } }).doubleBookedHosts).toBe(0);
  });

  test('cancelling a fallback interview frees its host: "Retry now" on one that found the pool full then gets that slot', async () => {
    const { recruiter, create } = await arrange(poolEmails[0]);
    const at = inHours(90);
    const first = ((await create(at)).body as { interview: Interview }).interview;
    const waiting = ((await create(at)).body as { interview: Interview }).interview;
    expect(waiting.meeting.lastError?.code).toBe('no_fallback_host_free');

    // While the slot is taken, retrying says so again.
    const stillFull = await recruiter.agent.post(`/api/interviews/${waiting.id}/retry`);
    expect(stillFull.body.interview.meeting.lastError.code).toBe('no_fallback_host_free');

    await recruiter.agent.delete(`/api/interviews/${first.id}`).expect(200);
    const retried = await recruiter.agent.post(`/api/interviews/${waiting.id}/retry`);

    expect(retried.status).toBe(200);
    expect(retried.body.interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostZoomEmail: poolEmails[0], lastError: null });
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);
  });

  test('an interview that found the pool full gets its meeting by itself once a slot at its time comes free: the next worker pass takes it, once, and tells the attendees', async () => {
    const { recruiter, create } = await arrange(poolEmails[0]);
    const at = inHours(96);
    const first = ((await create(at)).body as { interview: Interview }).interview;
    const waiting = ((await create(at)).body as { interview: Interview }).interview;
    expect(waiting.meeting.lastError?.code).toBe('no_fallback_host_free');
    const worker = stack.api.deps.meetings.worker;

    // While the pool is full a pass calls nobody and records nothing.
    const createsBefore = stack.zoom.control.requests().filter((request) => request.endpoint === 'meetings.create').length;
    await worker.runOnce();
    expect(stack.zoom.control.requests().filter((request) => request.endpoint === 'meetings.create')).toHaveLength(createsBefore);
    expect((await stack.api.store.audit.query({ types: ['meeting.retried'] }, { after: null, limit: 10 })).events).toHaveLength(0);

    await recruiter.agent.delete(`/api/interviews/${first.id}`).expect(200);
    await worker.runOnce();
    await worker.runOnce();

    const after = (await recruiter.agent.get(`/api/interviews/${waiting.id}`).expect(200)).body.interview as Interview;
    expect(after.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostZoomEmail: poolEmails[0], lastError: null });
    expect(meetingHosts()).toEqual([poolEmails[0]]);
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);
    const retried = (await stack.api.store.audit.query({ types: ['meeting.retried'] }, { after: null, limit: 10 })).events;
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ actor: { kind: 'system' }, details: { interviewId: waiting.id, from: 'failed', to: 'scheduled', cause: 'fallback_host_free' } });
    // The invitation now carries the join link (the version after the one sent without it).
    const invitation = await stack.api.store.invitations.find(waiting.id);
    expect(invitation?.sequence).toBe(1);
  });

  test('rescheduling a fallback meeting onto a time its host is full answers 409 no_fallback_host_free and keeps the interview as it was; a free time moves it', async () => {
    const { recruiter, create } = await arrange(poolEmails[0]);
    const busy = ((await create(inHours(100))).body as { interview: Interview }).interview;
    const moving = ((await create(inHours(110))).body as { interview: Interview }).interview;
    expect([busy.meeting.status, moving.meeting.status]).toEqual(['scheduled', 'scheduled']);

    const refused = await recruiter.agent.patch(`/api/interviews/${moving.id}`).send({ startTime: inHours(100.5), allowConflict: true });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no_fallback_host_free');
    expect(refused.body.error.message).toMatch(/pool1@corp\.example already has 1 overlapping meeting at the new time.*keeps its current time/);
    const unchanged = await recruiter.agent.get(`/api/interviews/${moving.id}`);
    expect(unchanged.body.interview.startTime).toBe(moving.startTime);
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);

    const moved = await recruiter.agent.patch(`/api/interviews/${moving.id}`).send({ startTime: inHours(101) });
    expect(moved.status).toBe(200);
    expect(moved.body.interview.meeting.status).toBe('scheduled');
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);
    // Its old time is free again.
    expect(((await create(inHours(110))).body as { interview: Interview }).interview.meeting.status).toBe('scheduled');
  });

  test('an interview saved as no_fallback_host_free and moved to a time with a free host gets its meeting there', async () => {
    const { recruiter, create } = await arrange(poolEmails[0]);
    await create(inHours(140));
    const waiting = ((await create(inHours(140))).body as { interview: Interview }).interview;
    expect(waiting.meeting.lastError?.code).toBe('no_fallback_host_free');

    const moved = await recruiter.agent.patch(`/api/interviews/${waiting.id}`).send({ startTime: inHours(142), allowConflict: true });

    expect(moved.status).toBe(200);
    expect(moved.body.interview.meeting).toMatchObject({ status: 'scheduled', hostZoomEmail: poolEmails[0], lastError: null });
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);
  });

  test('with ZOOM_USER_ID alone every fallback goes to ZOOM_USER_ID unchecked, exactly as before the pool (the simulator shows the double booking)', async () => {
    const { create } = await arrange(undefined);
    const at = inHours(120);
    const first = ((await create(at)).body as { interview: Interview }).interview;
    const overlapping = ((await create(at)).body as { interview: Interview }).interview;

    expect(first.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostZoomEmail: SYSTEM_HOST.email });
    expect(overlapping.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostZoomEmail: SYSTEM_HOST.email });
    expect(await stack.api.store.fallbackHostSlots.hostOf(first.id)).toBeNull();
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(1);
  });

  test('ZOOM_FALLBACK_HOSTS naming the ZOOM_USER_ID host alone gives it an allowance of 1', async () => {
    const { create } = await arrange(SYSTEM_HOST.email);
    const at = inHours(130);
    const first = ((await create(at)).body as { interview: Interview }).interview;
    const later = ((await create(inHours(131))).body as { interview: Interview }).interview;
    const overlapping = ((await create(at)).body as { interview: Interview }).interview;

    expect(first.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostZoomEmail: SYSTEM_HOST.email });
    expect(later.meeting).toMatchObject({ status: 'scheduled', hostZoomEmail: SYSTEM_HOST.email });
    expect(overlapping.meeting).toMatchObject({ status: 'failed', lastError: expect.objectContaining({ code: 'no_fallback_host_free' }) });
    expect(stack.zoom.control.hostConcurrency().doubleBookedHosts).toBe(0);
  });
});

describe('ZOOM_FALLBACK_HOSTS configuration', () => {
  test('hosts with and without an allowance parse in order', () => {
    expect(testEnv({ ZOOM_FALLBACK_HOSTS: ' host1@corp.example:2, host2@corp.example ,AbCdEf123:3' }).ZOOM_FALLBACK_HOSTS).toEqual([
      { zoomUserId: 'host1@corp.example', allowance: 2 },
      { zoomUserId: 'host2@corp.example', allowance: 1 },
      { zoomUserId: 'AbCdEf123', allowance: 3 },
    ]);
    expect(testEnv({}).ZOOM_FALLBACK_HOSTS).toBeUndefined();
  });

  test.each([
    ['host1@corp.example:0', /ZOOM_FALLBACK_HOSTS: "host1@corp.example:0" is not user\[:allowance\]/],
    ['host1@corp.example:two', /ZOOM_FALLBACK_HOSTS: "host1@corp.example:two" is not user\[:allowance\]/],
    ['host1@corp.example:51', /allowance from 1 to 50/],
    ['a b@corp.example', /"a b@corp.example" is not user\[:allowance\]/],
    [',,', /ZOOM_FALLBACK_HOSTS: needs at least one host/],
    ['Host1@corp.example,host1@corp.example:2', /"host1@corp.example" is listed twice/],
  ])('%s stops start-up naming the variable and the expected form', (value, message) => {
    expect(() => testEnv({ ZOOM_FALLBACK_HOSTS: value })).toThrow(EnvError);
    expect(() => testEnv({ ZOOM_FALLBACK_HOSTS: value })).toThrow(message);
  });
});
