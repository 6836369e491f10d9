import type { Interview } from '@crm/shared/interviews';
import type { DailyLimitResponseShape } from '@crm/zoom-simulator';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_ZOOM_USERS, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';
import { msUntilNextUtcDay } from '../src/zoom/zoom-api-client';

const IVY = SIMULATED_ZOOM_USERS['interviewer@example.com']!;
const MINUTE_MS = 60_000;

/** Each shape Zoom has documented or been seen answering the per-host daily create/update cap with. */
const SHAPES: [DailyLimitResponseShape, string][] = [
  ['retry-after-seconds', '429 with Retry-After in seconds'],
  ['retry-after-timestamp', '429 with a Retry-After timestamp and X-RateLimit-Type: Daily-limit'],
  ['no-retry-after', '429 with the daily-limit message and no Retry-After'],
  ['code-300', 'HTTP 300 / code 300 "A maximum of 1 meetings can be created/updated…"'],
];

describe("Zoom's daily meeting create/update cap, in every shape Zoom answers it", () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  const read = async (agent: Awaited<ReturnType<typeof signInAs>>['agent'], id: string) =>
    ((await agent.get(`/api/interviews/${id}`).expect(200)).body as { interview: Interview }).interview;

  async function cappedStack(shape: DailyLimitResponseShape) {
    stack = await startTestStack({ env: S2S_ENV, dailyMeetingLimitPerHost: 1, zoom: { dailyLimitResponse: shape } });
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId: IVY.id })).result).toBe('connected');
    const recruiter = await signInAs(stack.api, 'recruiter');
    return { interviewer, recruiter };
  }

  /** The next 00:00 UTC on the API's clock, when Zoom's cap resets. */
  const nextReset = () => stack.api.clock.now().getTime() + msUntilNextUtcDay(stack.api.clock.now().getTime());

  /** Runs the worker just before the reset (nothing happens) and just after it (the change goes through). */
  async function acrossTheReset(resetAt: number, check: { before: () => Promise<void>; after: () => Promise<void> }) {
    const untilJustBefore = resetAt - MINUTE_MS - stack.api.clock.now().getTime();
    if (untilJustBefore > 0) stack.api.clock.advance(untilJustBefore);
    await stack.api.deps.meetings.worker.runOnce();
    await check.before();
    stack.api.clock.advance(resetAt + MINUTE_MS - stack.api.clock.now().getTime());
    await stack.api.deps.meetings.worker.runOnce();
    await check.after();
  }

  test.each(SHAPES)('a reschedule answered with %s (%s) stays pending with the reason and goes through after the cap resets', async (shape) => {
    const { interviewer, recruiter } = await cappedStack(shape);
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const resetAt = nextReset();
    const newStart = new Date(Date.parse(interview.startTime) + 2 * 60 * MINUTE_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');

    const rescheduled = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ startTime: newStart });

    expect(rescheduled.status).toBe(202);
    const pending = (rescheduled.body as { interview: Interview }).interview.meeting;
    expect(pending).toMatchObject({ status: 'pending', pendingAction: 'update', lastError: { code: 'zoom_daily_limit' } });
    expect(pending.lastError!.message).toMatch(/daily limit of meeting creates and updates.*tried again once the limit resets/);
    expect(Date.parse(pending.nextAttemptAt!)).toBeGreaterThanOrEqual(resetAt - 1_000);
    await acrossTheReset(resetAt, {
      before: async () => expect((await read(recruiter.agent, interview.id)).meeting).toMatchObject({ status: 'pending', attempts: 1 }),
      after: async () => {
        expect((await read(recruiter.agent, interview.id)).meeting).toMatchObject({ status: 'scheduled', lastError: null, zoomMeetingId: interview.meeting.zoomMeetingId });
        const inZoom = stack.zoom.control.meetings({ hostId: IVY.id }).find((m) => String(m.id) === interview.meeting.zoomMeetingId);
        expect(inZoom?.start_time).toBe(newStart);
      },
    });
  });

  test.each(SHAPES)('a new interview when both the interviewer and the organisation account are capped (%s) stays pending and is created after the reset', async (shape) => {
    const { interviewer, recruiter } = await cappedStack(shape);
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const fallback = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(fallback.interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'interviewer_daily_limit' });
    const resetAt = nextReset();

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(202);
    expect(interview.meeting).toMatchObject({ status: 'pending', pendingAction: 'create', zoomMeetingId: null, lastError: { code: 'zoom_daily_limit' } });
    expect(Date.parse(interview.meeting.nextAttemptAt!)).toBeGreaterThanOrEqual(resetAt - 1_000);
    await acrossTheReset(resetAt, {
      before: async () => expect((await read(recruiter.agent, interview.id)).meeting).toMatchObject({ status: 'pending', zoomMeetingId: null, attempts: 1 }),
      after: async () => expect((await read(recruiter.agent, interview.id)).meeting).toMatchObject({ status: 'scheduled', hostSource: 'interviewer', lastError: null }),
    });
  });
});
