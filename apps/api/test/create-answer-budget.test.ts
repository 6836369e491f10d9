import type { Interview } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { leakedSecrets, startTestStack, type TestStack } from './support/start-test-stack';
import { eventually, interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

// A short budget keeps the test fast; production waits INTERVIEW_CREATE_ANSWER_MS (3 s by default).
const BUDGET_MS = 60;

describe('a create answers within its budget whatever Zoom does', () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(leakedSecrets(stack.api.logs.text(), stack.secrets())).toEqual([]);
    await stack.close();
  });

  test('when Zoom hangs past the budget, the interview is answered 202 pending at once, and the meeting is scheduled once Zoom answers, without a second create', async () => {
    stack = await startTestStack({ env: { ...S2S_ENV, INTERVIEW_CREATE_ANSWER_MS: String(BUDGET_MS) } });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');
    stack.zoom.control.injectFault({ endpoint: 'meetings.create', latencyMs: 400, times: 1 });

    const startedAt = performance.now();
    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const answeredInMs = performance.now() - startedAt;

    expect(status).toBe(202);
    expect(interview.meeting).toMatchObject({ status: 'pending', joinUrl: null });
    expect(answeredInMs).toBeLessThan(350);
    const read = async () => ((await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body as { interview: Interview }).interview;
    const settled = await eventually(read, (i) => i.meeting.status === 'scheduled');
    expect(settled.meeting.joinUrl).toEqual(expect.any(String));
    expect(stack.zoom.control.requests().filter((r) => r.endpoint === 'meetings.create')).toHaveLength(1);
  });

  test('when Zoom answers within the budget, the create answers 201 with the meeting scheduled', async () => {
    stack = await startTestStack({ env: { ...S2S_ENV, INTERVIEW_CREATE_ANSWER_MS: '5000' } });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    expect(status).toBe(201);
    expect(interview.meeting.status).toBe('scheduled');
  });
});
