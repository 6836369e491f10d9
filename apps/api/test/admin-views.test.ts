import { signInAs } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('admin views count what matters', () => {
  const stack = useTestStack({ env: S2S_ENV });

  test('meeting analytics leave out cancelled interviews (they were not held)', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const admin = await signInAs(stack().api, 'admin');
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);

    const response = await admin.agent.get('/api/admin/meeting-analytics').expect(200);

    const row = response.body.rows.find((r: { interviewer: { id: string } }) => r.interviewer.id === interviewer.user.id);
    expect(row).toMatchObject({ ownAccount: 0, systemAccount: 1 });
  });

  test('counts by Zoom state are for active interviewers; admins and recruiters are counted on their own line', async () => {
    const admin = await signInAs(stack().api, 'admin');
    await signInAs(stack().api, 'recruiter');
    await signInAs(stack().api, 'interviewer');
    const leaving = await signInAs(stack().api, 'interviewer');
    await stack().api.store.users.changeAccount(leaving.user.id, { active: false });

    const response = await admin.agent.get('/api/admin/zoom/connections').expect(200);

    expect(response.body.stateCounts).toEqual({
      interviewers: { connected: 0, needs_reconnect: 0, not_connected: 1 },
      otherRoles: { connected: 0, needs_reconnect: 0, not_connected: 2 },
    });
    expect(response.body.interviewers.total).toBe(2);
  });
});
