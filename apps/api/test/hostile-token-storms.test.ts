import { signInAs } from './support/start-test-api';
import { interviewRequest, S2S_ENV } from './support/meeting-test-helpers';
import { connectZoom, SIMULATED_INTERVIEWER, startTestStack, type TestStack } from './support/start-test-stack';

describe('token storms', () => {
  let stack: TestStack;
  afterEach(() => stack.close());

  test('when Zoom expires an interviewer token early, 300 interviews scheduled at once cause exactly 1 refresh, even for 401s that arrive after it', async () => {
    stack = await startTestStack({ env: S2S_ENV, dailyMeetingLimitPerHost: 10_000 });
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent)).result).toBe('connected');
    const recruiter = await signInAs(stack.api, 'recruiter');
    // The API still believes its token is good; Zoom answers 401 until the API notices and refreshes.
    stack.zoom.control.expireAccessTokens(SIMULATED_INTERVIEWER.id);

    const responses = await Promise.all(Array.from({ length: 300 }, () => recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id))));

    expect(responses.map((r) => r.status)).toEqual(Array(300).fill(201));
    expect(responses.every((r) => r.body.interview.meeting.hostSource === 'interviewer')).toBe(true);
    expect(stack.zoom.control.tokenRequestCounts().refresh_token).toBe(1);
  });

  test('1,000 interviews scheduled at once for an interviewer without Zoom fetch exactly 1 Server-to-Server token', async () => {
    stack = await startTestStack({ env: S2S_ENV, dailyMeetingLimitPerHost: 10_000 });
    const interviewer = await signInAs(stack.api, 'interviewer');
    const recruiter = await signInAs(stack.api, 'recruiter');

    const responses = await Promise.all(Array.from({ length: 1_000 }, () => recruiter.agent.post('/api/interviews').send(interviewRequest(interviewer.user.id))));

    expect(responses.filter((r) => r.status === 201 && r.body.interview.meeting.hostSource === 'system')).toHaveLength(1_000);
    expect(stack.zoom.control.tokenRequestCounts().account_credentials).toBe(1);
  });
});
