import type { Interview } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { leakedSecrets, startTestStack, type TestStack } from './support/start-test-stack';
import { eventually, interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('meetings when Zoom is slow, down or busy', () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(stack.zoom.control.specViolations()).toHaveLength(0);
    expect(leakedSecrets(stack.api.logs.text(), stack.secrets())).toEqual([]);
    await stack.close();
  });

  test('200 concurrent fallbacks over two API instances sharing one store cause exactly 1 Server-to-Server token request', async () => {
    stack = await startTestStack({ env: S2S_ENV, dailyMeetingLimitPerHost: 1000 });
    const second = await stack.startAnotherApi();
    const interviewer = await signInAs(stack.api, 'interviewer');
    const onFirst = await signInAs(stack.api, 'recruiter');
    const onSecond = await signInAs(second, 'recruiter');

    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => scheduleOverHttp((i % 2 === 0 ? onFirst : onSecond).agent, interviewRequest(interviewer.user.id))),
    );

    expect(stack.zoom.control.tokenRequestCounts().account_credentials).toBe(1);
    expect(results.every((r) => r.status === 201 && r.interview.meeting.hostSource === 'system')).toBe(true);
    expect(stack.zoom.control.meetings().filter((m) => !m.deleted)).toHaveLength(200);
  });

  test('when Zoom is down during a reschedule and a cancel, both are queued (202 pending) and the worker applies them once Zoom recovers', async () => {
    stack = await startTestStack({ env: { ...S2S_ENV, BACKGROUND_JOBS: 'true' } });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const kept = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id))).interview;
    const dropped = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id))).interview;
    stack.zoom.control.injectFault({ endpoint: 'meetings.update', resetConnection: true, times: 6 });
    stack.zoom.control.injectFault({ endpoint: 'meetings.delete', status: 502, times: 6 });

    const rescheduled = await recruiter.agent.patch(`/api/interviews/${kept.id}`).send({ durationMinutes: 90 });
    const cancelled = await recruiter.agent.delete(`/api/interviews/${dropped.id}`);

    expect(rescheduled.status).toBe(202);
    expect(rescheduled.body.interview.meeting).toMatchObject({ status: 'pending', pendingAction: 'update' });
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.interview).toMatchObject({ status: 'cancelled', meeting: { status: 'pending', pendingAction: 'delete' } });
    const read = async (id: string) => ((await recruiter.agent.get(`/api/interviews/${id}`).expect(200)).body as { interview: Interview }).interview;
    expect((await eventually(() => read(kept.id), (i) => i.meeting.status === 'scheduled')).meeting.status).toBe('scheduled');
    expect((await eventually(() => read(dropped.id), (i) => i.meeting.status === 'cancelled')).meeting.status).toBe('cancelled');
    const atZoom = (id: string | null) => stack.zoom.control.meetings().find((m) => String(m.id) === id)!;
    expect(atZoom(kept.meeting.zoomMeetingId)).toMatchObject({ duration: 90 });
    expect(atZoom(dropped.meeting.zoomMeetingId).deleted).toBe(true);
  });

  test('when a create times out after it was sent, it is not repeated inline, the interview is kept pending, and the worker adopts the meeting Zoom made instead of creating a duplicate', async () => {
    stack = await startTestStack({ env: { ...S2S_ENV, ZOOM_HTTP_TIMEOUT_MS: '300' } });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    // Warm the S2S token first so only the create is slow.
    await stack.api.deps.meetings.systemToken!.get();
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', latencyMs: 800, times: 1 });

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(202);
    expect(interview.meeting).toMatchObject({ status: 'pending', pendingAction: 'create', lastError: { code: 'zoom_outcome_unknown' } });
    // Zoom did make the meeting, after our timeout; the worker's retry must find and adopt it, not make another.
    await eventually(async () => stack.zoom.control.meetings().length, (n) => n === 1);
    await stack.api.deps.meetings.worker.runOnce();
    const after = (await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview as Interview;
    expect(after.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', zoomMeetingId: String(stack.zoom.control.meetings()[0]!.id) });
    expect(stack.zoom.control.requests().filter((r) => r.endpoint === 'meetings.create')).toHaveLength(1);
    expect(stack.zoom.control.meetings()).toHaveLength(1);
  });
});
