import { revealSecret } from '../src/zoom/zoom-secret';
import type { CreateInterviewRequest, Interview } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { connectZoom, leakedSecrets, startTestStack, type TestStack } from './support/start-test-stack';
import request from 'supertest';
import { eventually, interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';

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

  test('when the connection drops after a create was sent, it is not repeated inline, the interview stays pending, and the worker adopts the meeting Zoom made instead of creating a duplicate', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', resetConnection: true, times: 1 });
    const body = interviewRequest(interviewer.user.id);

    const { status, interview } = await scheduleOverHttp(recruiter.agent, body);

    expect(status).toBe(202);
    expect(interview.meeting).toMatchObject({ status: 'pending', pendingAction: 'create', lastError: { code: 'zoom_outcome_unknown' } });
    expect(stack.zoom.control.requests().filter((r) => r.endpoint === 'meetings.create')).toHaveLength(1);

    // Suppose Zoom had in fact made it: the meeting exists on the system host with the same topic and time.
    const made = await meetingZoomMadeAnyway(stack, body);
    stack.api.clock.advance(120);

    await stack.api.deps.meetings.worker.runOnce();

    const after = (await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview as Interview;
    expect(after.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'not_connected', zoomMeetingId: String(made.body.id) });
    expect(stack.zoom.control.meetings()).toHaveLength(1);
  });

  test('when two panel interviews share topic and time on the system account and one create goes unconfirmed, its retry does not adopt the other interview\'s meeting: each gets its own', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const first = await signInAs(stack.api, 'interviewer');
    const second = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const panel = interviewRequest(first.user.id);
    const confirmed = (await scheduleOverHttp(recruiter.agent, panel)).interview;
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', resetConnection: true, times: 1 });

    // The same candidate at the same time on purpose (a panel): confirmed past the conflict check.
    const unconfirmed = await scheduleOverHttp(recruiter.agent, { ...panel, interviewerId: second.user.id, allowConflict: true });
    stack.api.clock.advance(120);
    await stack.api.deps.meetings.worker.runOnce();

    expect(confirmed.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system' });
    expect(unconfirmed.status).toBe(202);
    expect(unconfirmed.interview.meeting).toMatchObject({ status: 'pending', pendingAction: 'create', lastError: { code: 'zoom_outcome_unknown' } });
    const read = async (id: string) => ((await recruiter.agent.get(`/api/interviews/${id}`).expect(200)).body as { interview: Interview }).interview;
    const [a, b] = [await read(confirmed.id), await read(unconfirmed.interview.id)];
    expect(b.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'not_connected' });
    expect(a.meeting.zoomMeetingId).toBe(confirmed.meeting.zoomMeetingId);
    expect(b.meeting.zoomMeetingId).not.toBeNull();
    expect(b.meeting.zoomMeetingId).not.toBe(a.meeting.zoomMeetingId);
    const atZoom = stack.zoom.control.meetings();
    expect(atZoom).toHaveLength(2);
    expect(atZoom.map((m) => String(m.id)).sort()).toEqual([a.meeting.zoomMeetingId, b.meeting.zoomMeetingId].sort());
  });

  /** A create whose connection dropped, and the meeting Zoom had in fact made from it on the system host. */
  async function unconfirmedCreateThatZoomMade() {
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', resetConnection: true, times: 1 });
    const body = interviewRequest(interviewer.user.id);
    const { status, interview } = await scheduleOverHttp(recruiter.agent, body);
    expect(status).toBe(202);
    const made = await meetingZoomMadeAnyway(stack, body);
    const read = async () => ((await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body as { interview: Interview }).interview;
    return { recruiter, interview, madeId: String(made.body.id), read };
  }

  test('when an unconfirmed create did make the meeting and the interview is rescheduled before the worker runs, that meeting is adopted and moved: exactly one meeting, at the new time', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { recruiter, interview, madeId, read } = await unconfirmedCreateThatZoomMade();
    const newStart = new Date(Date.now() + 40 * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

    await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ startTime: newStart });
    await stack.api.deps.meetings.worker.runOnce();

    const after = await eventually(read, (i) => i.meeting.status === 'scheduled');
    expect(after.meeting).toMatchObject({ status: 'scheduled', zoomMeetingId: madeId, hostSource: 'system', hostReason: 'not_connected' });
    const live = stack.zoom.control.meetings().filter((m) => !m.deleted);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ start_time: newStart });
    expect(String(live[0]!.id)).toBe(madeId);
  });

  test('when an unconfirmed create did make the meeting and the interview is cancelled before the worker runs, that meeting is found and deleted: no live meeting is left', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { recruiter, interview, read } = await unconfirmedCreateThatZoomMade();

    const cancelled = await recruiter.agent.delete(`/api/interviews/${interview.id}`);
    await stack.api.deps.meetings.worker.runOnce();

    expect(cancelled.body.interview.status).toBe('cancelled');
    const after = await eventually(read, (i) => i.meeting.status === 'cancelled');
    expect(after).toMatchObject({ status: 'cancelled', meeting: { status: 'cancelled' } });
    expect(stack.zoom.control.meetings().filter((m) => !m.deleted)).toHaveLength(0);
  });

  test('when an unconfirmed create made nothing and the interview is rescheduled, the meeting is created once, at the new time', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', resetConnection: true, times: 1 });
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const newStart = new Date(Date.now() + 41 * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

    const rescheduled = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ startTime: newStart });

    expect(rescheduled.body.interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system' });
    const live = stack.zoom.control.meetings().filter((m) => !m.deleted);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ start_time: newStart });
  });

  test('when the interviewer\'s forced refresh could not run and the fallback create went unconfirmed, the adopted meeting keeps hostReason interviewer_refresh_failed', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent)).result).toBe('connected');
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 401, times: 1 });
    stack.zoom.control.injectFault({ endpoint: 'oauth.token', status: 401, times: 1 });
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', resetConnection: true, times: 1 });
    const body = interviewRequest(interviewer.user.id);
    const { status, interview } = await scheduleOverHttp(recruiter.agent, body);
    expect(status).toBe(202);
    const made = await meetingZoomMadeAnyway(stack, body);
    stack.api.clock.advance(120);

    await stack.api.deps.meetings.worker.runOnce();

    const after = (await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview as Interview;
    expect(after.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'interviewer_refresh_failed', zoomMeetingId: String(made.body.id) });
    expect(stack.zoom.control.meetings()).toHaveLength(1);
  });
});

/** Plays the Zoom side of an unconfirmed create that did happen: the meeting exists on the system host. */
async function meetingZoomMadeAnyway(stack: TestStack, body: CreateInterviewRequest) {
  const token = await stack.api.deps.meetings.systemToken!.get();
  return request(`${stack.zoom.url}/v2`)
    .post(`/users/${encodeURIComponent(SYSTEM_HOST.email)}/meetings`)
    .set('Authorization', `Bearer ${revealSecret(token)}`)
    .send({ topic: `Interview: ${body.candidateName} – ${body.position}`, type: 2, start_time: body.startTime, duration: 45, timezone: body.timeZone })
    .expect(201);
}
