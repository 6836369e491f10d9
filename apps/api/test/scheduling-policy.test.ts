import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_INTERVIEWER, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('scheduling policy: requireInterviewerZoom', () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  test('off by default: an interviewer without Zoom is scheduled on the system account', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = await signInAs(stack.api, 'interviewer');

    expect((await recruiter.agent.get('/api/scheduling-settings').expect(200)).body.settings).toEqual({ requireInterviewerZoom: false });
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(interview.meeting.hostSource).toBe('system');
  });

  test('when an admin turns it on, scheduling an interviewer without Zoom is refused naming them; a connected one is scheduled; existing interviews stay', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const admin = await signInAs(stack.api, 'admin');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const unconnected = await signInAs(stack.api, 'interviewer');
    const connected = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(connected.agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).result).toBe('connected');
    const existing = (await scheduleOverHttp(recruiter.agent, interviewRequest(unconnected.user.id))).interview;

    expect((await recruiter.agent.put('/api/admin/scheduling-settings').send({ requireInterviewerZoom: true })).status).toBe(403);
    const saved = await admin.agent.put('/api/admin/scheduling-settings').send({ requireInterviewerZoom: true }).expect(200);
    expect(saved.body).toMatchObject({ settings: { requireInterviewerZoom: true }, updatedBy: admin.user.id });
    expect((await recruiter.agent.get('/api/scheduling-settings').expect(200)).body.settings.requireInterviewerZoom).toBe(true);
    const meetingsBefore = stack.zoom.control.meetings().length;

    const refused = await recruiter.agent.post('/api/interviews').send(interviewRequest(unconnected.user.id));

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('interviewer_zoom_required');
    expect(refused.body.error.message).toContain(unconnected.user.name);
    expect(refused.body.error.details).toEqual({ path: 'interviewerId', interviewers: [{ id: unconnected.user.id, name: unconnected.user.name }] });
    expect(stack.zoom.control.meetings()).toHaveLength(meetingsBefore);
    const ok = await scheduleOverHttp(recruiter.agent, interviewRequest(connected.user.id));
    expect(ok.interview.meeting.hostSource).toBe('interviewer');
    // Existing interviews are unaffected: still there, and still movable.
    expect((await recruiter.agent.patch(`/api/interviews/${existing.id}`).send({ durationMinutes: 60 })).status).toBe(200);
  });
});
