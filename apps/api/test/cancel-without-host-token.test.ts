import type { Interview } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_ZOOM_USERS, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

const IVY = SIMULATED_ZOOM_USERS['interviewer@example.com']!;
const FREELANCER = SIMULATED_ZOOM_USERS['freelancer@outside.example']!;

describe('a cancel never silently leaves a live meeting', () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(stack.zoom.control.specViolations()).toHaveLength(0);
    await stack.close();
  });
  const live = (hostId: string) => stack.zoom.control.meetings({ hostId }).filter((m) => !m.deleted);

  async function hostedThenDeauthorized(zoomUserId: string) {
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId })).result).toBe('connected');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(interview.meeting.hostSource).toBe('interviewer');
    // The interviewer removes the app in Zoom: Zoom tells the CRM, which wipes the connection.
    await stack.zoom.control.sendDeauthorization(zoomUserId);
    expect((await interviewer.agent.get('/api/zoom/status').expect(200)).body.state).toBe('not_connected');
    return { interviewer, recruiter, interview };
  }

  test('after deauthorization, cancelling deletes the meeting with the Server-to-Server app when the host is on the organisation account: 0 live meetings', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { recruiter, interview } = await hostedThenDeauthorized(IVY.id);

    const cancelled = await recruiter.agent.delete(`/api/interviews/${interview.id}`);

    expect(cancelled.status).toBe(200);
    expect(cancelled.body.interview).toMatchObject({ status: 'cancelled', meeting: { status: 'cancelled', lastError: null } });
    expect(live(IVY.id)).toHaveLength(0);
    const deletes = stack.zoom.control.requests().filter((r) => r.endpoint === 'meetings.delete');
    expect(deletes.map((r) => r.status)).toEqual([204]);
  });

  test('when the host is outside the organisation account, the interview says the meeting could not be deleted, and the worker deletes it once the interviewer reconnects', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { interviewer, recruiter, interview } = await hostedThenDeauthorized(FREELANCER.id);

    const cancelled = await recruiter.agent.delete(`/api/interviews/${interview.id}`);

    expect(cancelled.status).toBe(202);
    const shown = (cancelled.body as { interview: Interview }).interview;
    expect(shown).toMatchObject({ status: 'cancelled', meeting: { status: 'pending', pendingAction: 'delete', lastError: { code: 'meeting_not_deleted' } } });
    expect(shown.meeting.lastError!.message).toMatch(/^Zoom meeting could not be deleted: .*not a user of the organisation's Zoom account/);
    expect(live(FREELANCER.id)).toHaveLength(1);
    expect(stack.api.logs.text()).toContain('"code":"meeting_not_deleted"');

    // Access returns: the worker's next try deletes it with the interviewer's own token.
    expect((await connectZoom(interviewer.agent, { zoomUserId: FREELANCER.id })).result).toBe('connected');
    stack.api.clock.advance(16 * 60 * 1000);
    await stack.api.deps.meetings.worker.runOnce();

    const after = ((await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body as { interview: Interview }).interview;
    expect(after.meeting).toMatchObject({ status: 'cancelled', lastError: null });
    expect(live(FREELANCER.id)).toHaveLength(0);
  });
});
