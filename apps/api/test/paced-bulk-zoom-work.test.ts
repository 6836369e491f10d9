import type { Interview } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_ZOOM_USERS, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';
import type { ZoomApiClient } from '../src/zoom/zoom-api-client';

const IVY = SIMULATED_ZOOM_USERS['interviewer@example.com']!;

describe("bulk Zoom work stays below Zoom's per-second limits and survives 429 bursts", () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(stack.zoom.control.specViolations()).toHaveLength(0);
    await stack.close();
  });

  const pacing = () => (stack.api.deps.meetings.meetings.zoom as ZoomApiClient).pacingStats()!;
  const readAll = async (agent: Awaited<ReturnType<typeof signInAs>>['agent']) =>
    ((await agent.get('/api/interviews').expect(200)).body as { interviews: Interview[] }).interviews;
  /** Every meeting the simulator ever made for a host, deleted ones included: a duplicate would show here. */
  const everMade = (hostId: string) => stack.zoom.control.meetings({ hostId });
  const live = (hostId: string) => everMade(hostId).filter((m) => !m.deleted);
  const answered429 = () => stack.zoom.control.requests().filter((r) => r.status === 429 && !r.faultId);

  async function interviewerWith(count: number) {
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId: IVY.id })).result).toBe('connected');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const scheduled: Interview[] = [];
    for (let i = 0; i < count; i += 1) scheduled.push((await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id))).interview);
    expect(scheduled.every((interview) => interview.meeting.status === 'scheduled' && interview.meeting.hostSource === 'interviewer')).toBe(true);
    return { interviewer, recruiter, scheduled };
  }

  function expectAllMoved(after: Interview[], count: number) {
    expect(after).toHaveLength(count);
    expect(after.filter((i) => i.meeting.status === 'failed')).toEqual([]);
    expect(after.filter((i) => i.meeting.status === 'scheduled' && i.meeting.hostSource === 'system')).toHaveLength(count);
    expect(live(IVY.id)).toHaveLength(0);
    // Exactly one meeting per interview was ever made on the organisation's account: no duplicates, none lost.
    expect(everMade(SYSTEM_HOST.id)).toHaveLength(count);
    expect(new Set(after.map((i) => i.meeting.zoomMeetingId))).toEqual(new Set(live(SYSTEM_HOST.id).map((m) => String(m.id))));
  }

  test('an interviewer with 50 upcoming interviews disconnects on the Pro plan: 50 moved, 0 failures, 0 duplicates, no 429 from Zoom', async () => {
    stack = await startTestStack({ env: S2S_ENV, zoom: { rateLimitPlan: 'pro' } });
    const { interviewer, recruiter } = await interviewerWith(50);
    const before = pacing();
    const clockBefore = stack.api.clock.now().getTime();
    const realBefore = Date.now();

    const disconnected = await interviewer.agent.post('/api/zoom/disconnect').expect(200);

    const apiClockMs = stack.api.clock.now().getTime() - clockBefore;
    const realMs = Date.now() - realBefore;
    const during = pacing();
    expect(disconnected.body).toMatchObject({ state: 'not_connected' });
    expectAllMoved(await readAll(recruiter.agent), 50);
    expect(answered429()).toEqual([]);
    const creates = stack.zoom.control.requests().filter((r) => r.endpoint === 'meetings.create' && r.zoomUserId === SYSTEM_HOST.id);
    expect(creates).toHaveLength(50);
    // Pro allows 20 Medium calls a second; 50 creates paced at 16/s cannot all fit in less than 3 seconds.
    expect(creates.at(-1)!.at - creates[0]!.at).toBeGreaterThanOrEqual(3_000);
    console.log(
      `50 meeting moves on the Pro plan: ${during.delayed - before.delayed} Zoom calls held back, ${during.waitedMs - before.waitedMs} ms of pacing waits; ` +
        `the disconnect took ${apiClockMs} ms on the API clock (${realMs} ms real); 0 answers of 429`,
    );
  });

  test('an admin disconnect leaves 50 moves to the worker, which drains them with 4 lanes and meets no 429', async () => {
    stack = await startTestStack({ env: S2S_ENV, zoom: { rateLimitPlan: 'pro' } });
    const { interviewer, recruiter } = await interviewerWith(50);
    const admin = await signInAs(stack.api, 'admin');
    await admin.agent.post(`/api/admin/users/${interviewer.user.id}/zoom/disconnect`).expect(200);
    const clockBefore = stack.api.clock.now().getTime();

    await stack.api.deps.meetings.worker.runOnce();

    expectAllMoved(await readAll(recruiter.agent), 50);
    expect(answered429()).toEqual([]);
    console.log(`the worker drained 50 moves in ${stack.api.clock.now().getTime() - clockBefore} ms on the API clock; pacing: ${JSON.stringify(pacing())}`);
  });

  test('a burst of 429s (with Retry-After, then without) while 10 meetings move: each is waited out, nothing lost, nothing made twice', async () => {
    stack = await startTestStack({ env: S2S_ENV, zoom: { rateLimitPlan: 'pro' } });
    const { interviewer, recruiter } = await interviewerWith(10);
    const perSecond = { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' };
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 429, retryAfterSeconds: 2, body: perSecond, times: 6 });
    stack.zoom.control.injectFault({ endpoint: 'meetings.delete', status: 429, body: perSecond, times: 3 });
    const holdOffsBefore = pacing().holdOffs;

    await interviewer.agent.post('/api/zoom/disconnect').expect(200);
    // The 4-try budget of one call is spent by the first 4 answers: that move waits for the worker.
    stack.api.clock.advance(60_000);
    await stack.api.deps.meetings.worker.runOnce();

    expectAllMoved(await readAll(recruiter.agent), 10);
    expect(stack.zoom.control.faults()).toEqual([]);
    expect(pacing().holdOffs - holdOffsBefore).toBe(9);
    // Every 429 was followed by a wait of at least its Retry-After (2 s) or, without one, a second.
    const waits = stack.api.clock.sleeps();
    expect(waits.filter((ms) => ms >= 2_000).length).toBeGreaterThanOrEqual(5);
  });

  test("when the account allows far less than the configured plan (Free: 2 creates a second), the API holds back when Zoom says this second's budget is spent and waits out its 429s: 10 moved, nothing made twice", async () => {
    stack = await startTestStack({ env: S2S_ENV, zoom: { rateLimitPlan: 'pro' } });
    const { interviewer, recruiter } = await interviewerWith(10);
    stack.zoom.control.setPolicy({ rateLimitPlan: 'free' });

    await interviewer.agent.post('/api/zoom/disconnect').expect(200);
    for (let pass = 0; pass < 5 && (await readAll(recruiter.agent)).some((i) => i.meeting.status === 'pending'); pass += 1) {
      stack.api.clock.advance(60_000);
      await stack.api.deps.meetings.worker.runOnce();
    }

    expectAllMoved(await readAll(recruiter.agent), 10);
    // Zoom's X-RateLimit-Remaining: 0, or its 429, held the category back each time the smaller budget ran out.
    expect(pacing().holdOffs).toBeGreaterThan(0);
    console.log(`a Free-plan account behind a Pro-paced API: ${pacing().holdOffs} hold-offs, ${answered429().length} answers of 429 waited out`);
  });
});
