import type { Interview } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_ZOOM_USERS, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('a 401 from Zoom means "get a new token once", for requests and for the worker', () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(stack.zoom.control.specViolations()).toHaveLength(0);
    await stack.close();
  });

  const read = async (agent: Awaited<ReturnType<typeof signInAs>>['agent'], id: string) =>
    ((await agent.get(`/api/interviews/${id}`).expect(200)).body as { interview: Interview }).interview;

  test.each([
    ['Zoom refused the calls outright (503)', 503],
    ['Zoom may have made the meetings (502, outcome unknown)', 502],
  ])(
    'when %s and then restarted having forgotten every token, each pending interview ends scheduled with exactly one new token request per account',
    async (_situation, status) => {
      stack = await startTestStack({ env: S2S_ENV });
      const ivy = await signInAs(stack.api, 'interviewer');
      const ian = await signInAs(stack.api, 'interviewer');
      const unconnected = await signInAs(stack.api, 'interviewer');
      expect((await connectZoom(ivy.agent, { zoomUserId: SIMULATED_ZOOM_USERS['interviewer@example.com']!.id })).result).toBe('connected');
      expect((await connectZoom(ian.agent, { zoomUserId: SIMULATED_ZOOM_USERS['interviewer2@example.com']!.id })).result).toBe('connected');
      const recruiter = await signInAs(stack.api, 'recruiter');
      // The Server-to-Server token exists before the outage too.
      await scheduleOverHttp(recruiter.agent, interviewRequest(unconnected.user.id));
      stack.zoom.control.injectFault({ endpoint: 'meetings.create', status, times: 1000 });
      const pending: Interview[] = [];
      for (const interviewer of [ivy, ivy, ian, ian, unconnected, unconnected]) {
        pending.push((await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id))).interview);
      }
      expect(pending.map((i) => i.meeting.status)).toEqual(Array(6).fill('pending'));

      // Zoom comes back from a restart: the outage is over and every access token it issued is forgotten.
      stack.zoom.control.clearFaults();
      stack.zoom.control.expireAccessTokens();
      const before = stack.zoom.control.tokenRequestCounts();
      // Long enough for every queued retry to fall due, short of any token expiry: only a 401 can tell the API.
      stack.api.clock.advance(5 * 60 * 1000);
      await stack.api.deps.meetings.worker.runOnce();

      const after = await Promise.all(pending.map((i) => read(recruiter.agent, i.id)));
      expect(after.map((i) => [i.meeting.status, i.meeting.lastError?.message])).toEqual(Array(6).fill(["scheduled", undefined]));
      const requests = stack.zoom.control.tokenRequestCounts();
      expect(requests.refresh_token - before.refresh_token).toBe(2);
      expect(requests.account_credentials - before.account_credentials).toBe(1);
      expect(after.map((i) => i.meeting.hostSource)).toEqual(['interviewer', 'interviewer', 'interviewer', 'interviewer', 'system', 'system']);
      expect(stack.zoom.control.meetings().filter((m) => !m.deleted)).toHaveLength(7);
    },
  );
});
