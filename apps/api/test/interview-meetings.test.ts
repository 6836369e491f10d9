import { revealSecret } from '../src/zoom/zoom-secret';
import request from 'supertest';
import type { Interview } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { connectZoom, leakedSecrets, rawMemoryStoreText, SIMULATED_INTERVIEWER, startTestStack, type TestStack } from './support/start-test-stack';
import { eventually, interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';

const liveMeetings = (stack: TestStack, hostId?: string) => stack.zoom.control.meetings(hostId ? { hostId } : {}).filter((m) => !m.deleted);

describe('interviews and their Zoom meetings', () => {
  let stack: TestStack;

  afterEach(async () => {
    // Every request the product sent Zoom during the test matched Zoom's OpenAPI description.
    expect(stack.zoom.control.specViolations()).toHaveLength(0);
    // Start URLs and tokens never reach the logs.
    const startUrls = stack.zoom.control.meetings().map((m) => m.start_url);
    expect(leakedSecrets(stack.api.logs.text(), [...stack.secrets(), ...startUrls])).toEqual([]);
    await stack.close();
  });

  async function connectedInterviewer(zoomUserId = SIMULATED_INTERVIEWER.id) {
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId })).result).toBe('connected');
    return interviewer;
  }

  test('when the interviewer is connected, the meeting is created under their Zoom user and hostSource is interviewer', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await connectedInterviewer();
    const recruiter = await signInAs(stack.api, 'recruiter');

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(201);
    expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'interviewer', hostReason: 'connected', hostZoomEmail: SIMULATED_INTERVIEWER.email });
    expect(interview.meeting.zoomMeetingId).toMatch(/^\d+$/);
    const atZoom = liveMeetings(stack, SIMULATED_INTERVIEWER.id);
    expect(atZoom.map((m) => String(m.id))).toEqual([interview.meeting.zoomMeetingId]);
    expect(atZoom[0]!.join_url).toBe(interview.meeting.joinUrl);
    expect(liveMeetings(stack, SYSTEM_HOST.id)).toHaveLength(0);
  });

  test('when the interviewer never connected Zoom, the meeting lands on the system account with hostReason not_connected', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(201);
    expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'not_connected', hostZoomEmail: SYSTEM_HOST.email });
    expect(liveMeetings(stack, SYSTEM_HOST.id).map((m) => String(m.id))).toEqual([interview.meeting.zoomMeetingId]);
  });

  test('when Zoom rejects the interviewer token even after one refresh, the connection is flagged needs_reconnect and the meeting falls back', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await connectedInterviewer();
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 401, times: 2 });
    const refreshesBefore = stack.zoom.control.tokenGrantCounts().refresh_token;

    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(stack.zoom.control.tokenGrantCounts().refresh_token - refreshesBefore).toBe(1);
    expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'interviewer_token_rejected' });
    expect(liveMeetings(stack, SYSTEM_HOST.id)).toHaveLength(1);
    expect((await interviewer.agent.get('/api/zoom/status')).body.state).toBe('needs_reconnect');

    // Arrange → Act again: with the connection now flagged, the next meeting says so without asking Zoom first.
    const next = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(next.interview.meeting).toMatchObject({ hostSource: 'system', hostReason: 'needs_reconnect' });
  });

  test('when Zoom answers 503 for a while and then recovers, interviews are saved pending and the worker creates each meeting exactly once', async () => {
    stack = await startTestStack({ env: { ...S2S_ENV, BACKGROUND_JOBS: 'true' } });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 503, times: 12 });

    const first = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const second = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.interview.meeting).toMatchObject({ status: 'pending', pendingAction: 'create', zoomMeetingId: null });
    expect(first.interview.meeting.lastError?.code).toBe('zoom_unavailable');
    const settled = await eventually(
      async () => ((await recruiter.agent.get('/api/interviews').expect(200)).body as { interviews: Interview[] }).interviews,
      (list) => list.every((i) => i.meeting.status === 'scheduled'),
    );
    expect(settled.map((i) => i.meeting.status)).toEqual(['scheduled', 'scheduled']);
    expect(liveMeetings(stack)).toHaveLength(settled.length);
    expect(new Set(liveMeetings(stack).map((m) => String(m.id)))).toEqual(new Set(settled.map((i) => i.meeting.zoomMeetingId)));
  });

  test('when Zoom answers 429 with Retry-After: 2, the next try waits at least 2 seconds and then succeeds', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 429, retryAfterSeconds: 2, times: 1 });

    const { status } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(201);
    const creates = stack.zoom.control.requests().filter((r) => r.endpoint === 'meetings.create');
    expect(creates.map((r) => r.status)).toEqual([429, 201]);
    // The API's clock, not the test, spends the wait: the one sleep between the two tries honours Retry-After.
    expect(stack.api.clock.sleeps()).toHaveLength(1);
    expect(stack.api.clock.sleeps()[0]).toBeGreaterThanOrEqual(2000);
  });

  test('rescheduling updates the meeting on the interviewer account that hosts it, and cancelling deletes it there', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await connectedInterviewer();
    const recruiter = await signInAs(stack.api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const newStart = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

    const rescheduled = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ startTime: newStart, durationMinutes: 60 });

    expect(rescheduled.status).toBe(200);
    expect(rescheduled.body.interview.meeting).toMatchObject({ status: 'scheduled', zoomMeetingId: interview.meeting.zoomMeetingId });
    const atZoom = stack.zoom.control.meetings({ hostId: SIMULATED_INTERVIEWER.id }).find((m) => String(m.id) === interview.meeting.zoomMeetingId)!;
    expect(atZoom).toMatchObject({ start_time: newStart, duration: 60 });

    const cancelled = await recruiter.agent.delete(`/api/interviews/${interview.id}`);

    expect(cancelled.status).toBe(200);
    expect(cancelled.body.interview).toMatchObject({ status: 'cancelled', meeting: { status: 'cancelled', joinUrl: null } });
    expect(stack.zoom.control.meetings({ hostId: SIMULATED_INTERVIEWER.id }).find((m) => String(m.id) === interview.meeting.zoomMeetingId)?.deleted).toBe(true);
  });

  test('rescheduling a system-hosted meeting updates it on the system account', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    const rescheduled = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ timeZone: 'America/New_York', agenda: 'Pairing session' });

    expect(rescheduled.status).toBe(200);
    const atZoom = stack.zoom.control.meetings({ hostId: SYSTEM_HOST.id }).find((m) => String(m.id) === interview.meeting.zoomMeetingId)!;
    expect(atZoom).toMatchObject({ timezone: 'America/New_York', agenda: 'Pairing session' });
  });

  test('cancelling an interview whose meeting was already deleted in Zoom succeeds and marks it cancelled', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    // Someone deletes the meeting directly in Zoom.
    const token = await stack.api.deps.meetings.systemToken!.get();
    await request(`${stack.zoom.url}/v2`).delete(`/meetings/${interview.meeting.zoomMeetingId}`).set('Authorization', `Bearer ${revealSecret(token)}`).expect(204);

    const cancelled = await recruiter.agent.delete(`/api/interviews/${interview.id}`);

    expect(cancelled.status).toBe(200);
    expect(cancelled.body.interview.meeting).toMatchObject({ status: 'cancelled', lastError: null });
    const deletes = stack.zoom.control.requests().filter((r) => r.endpoint === 'meetings.delete');
    expect(deletes.map((r) => r.status)).toEqual([204, 404]);
  });

  test('when the forced refresh of a rejected interviewer token cannot run, the meeting falls back with hostReason interviewer_refresh_failed and the connection stays connected', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await connectedInterviewer();
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 401, times: 1 });
    // Zoom refuses our client credentials for the refresh: the token was never judged, the refresh just failed.
    stack.zoom.control.injectFault({ endpoint: 'oauth.token', status: 401, times: 1 });

    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'interviewer_refresh_failed' });
    expect((await interviewer.agent.get('/api/zoom/status')).body.state).toBe('connected');
  });

  test('when Zoom is unavailable while renewing a rejected interviewer token, the meeting stays pending with zoom_unavailable (no fallback to the system account) and the worker later creates it on the interviewer account', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await connectedInterviewer();
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', status: 401, times: 1 });
    stack.zoom.control.injectFault({ endpoint: 'oauth.token', status: 503, times: 1 });

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(202);
    expect(interview.meeting).toMatchObject({ status: 'pending', pendingAction: 'create', zoomMeetingId: null, hostSource: null, lastError: { code: 'zoom_unavailable' } });
    expect(liveMeetings(stack)).toHaveLength(0);
    expect((await interviewer.agent.get('/api/zoom/status')).body.state).toBe('connected');

    stack.api.clock.advance(60_000);
    await stack.api.deps.meetings.worker.runOnce();

    const after = (await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview as Interview;
    expect(after.meeting).toMatchObject({ status: 'scheduled', hostSource: 'interviewer', hostReason: 'connected' });
    expect(liveMeetings(stack, SIMULATED_INTERVIEWER.id).map((m) => String(m.id))).toEqual([after.meeting.zoomMeetingId]);
    expect(liveMeetings(stack, SYSTEM_HOST.id)).toHaveLength(0);
  });

  test('when deleting the meeting of a cancelled interview failed, cancelling again retries the deletion and the meeting ends cancelled', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    stack.zoom.control.injectFault({ endpoint: 'meetings.delete', status: 400, times: 1 });
    const first = await recruiter.agent.delete(`/api/interviews/${interview.id}`);
    expect(first.body.interview).toMatchObject({ status: 'cancelled', meeting: { status: 'failed', pendingAction: 'delete' } });

    const second = await recruiter.agent.delete(`/api/interviews/${interview.id}`);

    expect(second.status).toBe(200);
    expect(second.body.interview).toMatchObject({ status: 'cancelled', meeting: { status: 'cancelled', lastError: null } });
    expect(liveMeetings(stack)).toHaveLength(0);
  });

  test('when the interviewer reached the daily meeting cap, the meeting falls back with hostReason interviewer_daily_limit', async () => {
    stack = await startTestStack({ env: S2S_ENV, dailyMeetingLimitPerHost: 1 });
    const interviewer = await connectedInterviewer();
    const recruiter = await signInAs(stack.api, 'recruiter');
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(201);
    expect(interview.meeting).toMatchObject({ hostSource: 'system', hostReason: 'interviewer_daily_limit' });
  });

  test('when neither the interviewer nor a Server-to-Server app can host, the interview is saved with its meeting failed as zoom_not_configured, never a 500', async () => {
    stack = await startTestStack();
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const response = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id));

    expect(response.status).toBe(201);
    expect(response.body.interview.meeting).toMatchObject({ status: 'failed', lastError: { code: 'zoom_not_configured' } });
  });

  test("an interviewer's meeting defaults are applied on their own account, and organisation defaults on the system account", async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await connectedInterviewer();
    const other = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const saved = await interviewer.agent
      .put('/api/zoom/meeting-defaults')
      .send({ waitingRoom: false, autoRecording: 'cloud', joinBeforeHost: true, muteUponEntry: false });
    expect(saved.status).toBe(200);
    expect(saved.body.usingOrganisationDefaults).toBe(false);

    const own = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const system = await scheduleOverHttp(recruiter.agent, interviewRequest(other.user.id));

    const settingsOf = (id: string | null) => stack.zoom.control.meetings().find((m) => String(m.id) === id)!.settings;
    expect(settingsOf(own.interview.meeting.zoomMeetingId)).toMatchObject({ waiting_room: false, auto_recording: 'cloud', join_before_host: true, mute_upon_entry: false });
    expect(settingsOf(system.interview.meeting.zoomMeetingId)).toMatchObject({ waiting_room: true, auto_recording: 'none', join_before_host: false, mute_upon_entry: true });
  });

  test('admin meeting analytics count, per interviewer, meetings on their own account versus the system account', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const connected = await connectedInterviewer();
    const unconnected = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const admin = await signInAs(stack.api, 'admin');
    await scheduleOverHttp(recruiter.agent, interviewRequest(connected.user.id));
    await scheduleOverHttp(recruiter.agent, interviewRequest(connected.user.id));
    await scheduleOverHttp(recruiter.agent, interviewRequest(unconnected.user.id));

    const response = await admin.agent.get('/api/admin/meeting-analytics').expect(200);

    const row = (id: string) => response.body.rows.find((r: { interviewer: { id: string } }) => r.interviewer.id === id);
    expect(row(connected.user.id)).toMatchObject({ ownAccount: 2, systemAccount: 0, zoomConnectionState: 'connected' });
    expect(row(unconnected.user.id)).toMatchObject({ ownAccount: 0, systemAccount: 1, fallbackReasons: { not_connected: 1 } });
    expect(response.body.totals).toEqual({ ownAccount: 2, systemAccount: 1 });
    await recruiter.agent.get('/api/admin/meeting-analytics').expect(403);
  });
});

describe('who may do what with interviews', () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(stack.zoom.control.specViolations()).toHaveLength(0);
    await stack.close();
  });

  test('an interviewer cannot create, reschedule or cancel; a recruiter never receives a start URL; another interviewer cannot read it', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const host = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(host.agent)).result).toBe('connected');
    const otherInterviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const admin = await signInAs(stack.api, 'admin');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(host.user.id));

    await host.agent.post('/api/interviews').send(interviewRequest(host.user.id)).expect(403);
    await host.agent.patch(`/api/interviews/${interview.id}`).send({ durationMinutes: 30 }).expect(403);
    await host.agent.delete(`/api/interviews/${interview.id}`).expect(403);

    expect(interview.meeting).not.toHaveProperty('startUrl');
    const recruiterView = await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200);
    expect(recruiterView.body.interview.meeting).not.toHaveProperty('startUrl');
    const recruiterList = await recruiter.agent.get('/api/interviews').expect(200);
    expect(recruiterList.text).not.toContain('start_url');
    expect(recruiterList.body.interviews[0].meeting).not.toHaveProperty('startUrl');

    await otherInterviewer.agent.get(`/api/interviews/${interview.id}`).expect(404);
    expect((await otherInterviewer.agent.get('/api/interviews').expect(200)).body.interviews).toEqual([]);
    await otherInterviewer.agent.get(`/api/interviews?interviewerId=${host.user.id}`).expect(403);

    // The start URL is a host credential: only the host and admins get one, fresh, through /start.
    expect((await host.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview.meeting).not.toHaveProperty('startUrl');
    await recruiter.agent.get(`/api/interviews/${interview.id}/start`).expect(403);
    await otherInterviewer.agent.get(`/api/interviews/${interview.id}/start`).expect(404);
    const hostStart = await host.agent.get(`/api/interviews/${interview.id}/start`).expect(302);
    const adminStart = await admin.agent.get(`/api/interviews/${interview.id}/start`).expect(302);
    const startUrl = stack.zoom.control.meetings()[0]!.start_url;
    expect(adminStart.headers.location).toBe(startUrl);
    expect(hostStart.headers.location).toMatch(new RegExp(`/s/${interview.meeting.zoomMeetingId}\\?zak=`));
    expect(rawMemoryStoreText(stack.api.store)).not.toContain(startUrl);
    expect(rawMemoryStoreText(stack.api.store)).not.toContain('zak=');
  });

  test('the interviewer picker lists interviewers with their Zoom connection state, for recruiters only', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const connected = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(connected.agent)).result).toBe('connected');
    const unconnected = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const response = await recruiter.agent.get('/api/interviewers').expect(200);

    const byId = Object.fromEntries(response.body.interviewers.map((i: { id: string }) => [i.id, i]));
    expect(byId[connected.user.id]).toMatchObject({ zoomConnectionState: 'connected', expectedHostSource: 'interviewer', zoomEmail: SIMULATED_INTERVIEWER.email });
    expect(byId[unconnected.user.id]).toMatchObject({ zoomConnectionState: 'not_connected', expectedHostSource: 'system' });
    await connected.agent.get('/api/interviewers').expect(403);
  });

  test('creating an interview with a bad time zone, a past start or a non-interviewer is refused with the field named', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const badZone = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id, { timeZone: 'Mars/Olympus' }));
    const past = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id, { startTime: '2020-01-01T10:00:00Z' }));
    const notInterviewer = await recruiter.agent.post('/api/interviews').send(interviewRequest(recruiter.user.id));

    expect(badZone.status).toBe(400);
    expect(badZone.body.error.details).toEqual([expect.objectContaining({ path: 'timeZone' })]);
    expect(past.status).toBe(400);
    expect(notInterviewer.body.error.code).toBe('interviewer_invalid');
    expect(stack.zoom.control.meetings()).toHaveLength(0);
  });

  test('names and notes with control characters or broken Unicode are refused with the field named, and nothing reaches Zoom', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const nul = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id, { candidateName: 'Eve\u0000 Admin' }));
    const escape = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id, { position: 'Engineer\u001b[31m' }));
    const loneSurrogate = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id, { agenda: 'Intro \ud800 chat' }));
    const multiline = await recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id, { agenda: 'Line one\nLine two\tindented' }));

    expect(nul.body.error.details).toEqual([expect.objectContaining({ path: 'candidateName' })]);
    expect(escape.body.error.details).toEqual([expect.objectContaining({ path: 'position' })]);
    expect(loneSurrogate.body.error.details).toEqual([expect.objectContaining({ path: 'agenda' })]);
    expect([nul.status, escape.status, loneSurrogate.status]).toEqual([400, 400, 400]);
    expect(multiline.status).toBe(201);
    expect(stack.zoom.control.meetings()).toHaveLength(1);
  });
});
