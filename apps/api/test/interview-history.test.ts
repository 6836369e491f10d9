import type { InterviewHistoryResponse } from '@crm/shared/interviews';
import { createTestUser, signInAs } from './support/start-test-api';
import { startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('interview history', () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  test('created, rescheduled (with what changed) and cancelled are listed oldest first, by whom and when; other interviewers cannot read it', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const recruiter = await signInAs(stack.api, 'recruiter');
    const interviewer = await createTestUser(stack.api.store, 'interviewer');
    const outsider = await signInAs(stack.api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id, { durationMinutes: 45 }));
    stack.api.clock.advance(60_000);
    await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ durationMinutes: 60, timeZone: 'Asia/Kolkata', notes: 'bring the laptop' }).expect(200);
    // Changing nothing is not history.
    await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ durationMinutes: 60 }).expect(200);
    stack.api.clock.advance(60_000);
    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);
    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);

    const response = await recruiter.agent.get(`/api/interviews/${interview.id}/history`).expect(200);

    const { history } = response.body as InterviewHistoryResponse;
    expect(history.map((entry) => entry.kind)).toEqual(['scheduled', 'rescheduled', 'cancelled']);
    for (const entry of history) expect(entry.by).toEqual({ kind: 'user', name: recruiter.user.name, email: recruiter.user.email });
    expect(history[1]!.changes).toEqual([
      { field: 'timeZone', from: 'Europe/Berlin', to: 'Asia/Kolkata' },
      { field: 'durationMinutes', from: '45', to: '60' },
      { field: 'notes', from: null, to: null },
    ]);
    expect(Date.parse(history[0]!.at)).toBeLessThan(Date.parse(history[1]!.at));
    expect(Date.parse(history[1]!.at)).toBeLessThan(Date.parse(history[2]!.at));
    expect((await outsider.agent.get(`/api/interviews/${interview.id}/history`)).status).toBe(404);
    expect((await recruiter.agent.get('/api/interviews/no-such-interview/history')).status).toBe(404);
  });
});
