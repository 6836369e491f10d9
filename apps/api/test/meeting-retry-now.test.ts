import type { Interview } from '@crm/shared/interviews';
import type { AuditEvent } from '@crm/shared/zoom-connection';
import { signInAs } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('"Retry now" for a failed or pending meeting', () => {
  const stack = useTestStack({ env: S2S_ENV });

  test('a failed create is retried on request once the cause is gone: the meeting is scheduled and the retry is audited', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const admin = await signInAs(stack().api, 'admin');
    stack().zoom.control.injectFault({ endpoint: 'meetings.create', status: 400, times: 1 });
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(interview.meeting).toMatchObject({ status: 'failed', pendingAction: 'create' });

    await interviewer.agent.post(`/api/interviews/${interview.id}/retry`).expect(403);
    const retried = await recruiter.agent.post(`/api/interviews/${interview.id}/retry`);

    expect(retried.status).toBe(200);
    expect((retried.body as { interview: Interview }).interview.meeting).toMatchObject({ status: 'scheduled', lastError: null });
    expect(stack().zoom.control.meetings().filter((m) => !m.deleted)).toHaveLength(1);
    const events = ((await admin.agent.get('/api/admin/audit/events?limit=100').expect(200)).body as { events: AuditEvent[] }).events;
    expect(events.filter((e) => e.type === 'meeting.retried')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ userId: recruiter.user.id }), details: expect.objectContaining({ interviewId: interview.id, from: 'failed', to: 'scheduled', action: 'create' }) }),
    ]);
    // Nothing left to retry.
    expect((await recruiter.agent.post(`/api/interviews/${interview.id}/retry`)).status).toBe(409);
  });

  test('a pending change is tried at once instead of waiting for the backoff; while Zoom is still down it stays pending (202)', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    stack().zoom.control.injectFault({ endpoint: 'meetings.create', status: 503, times: 1000 });
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(interview.meeting.status).toBe('pending');

    expect((await recruiter.agent.post(`/api/interviews/${interview.id}/retry`)).status).toBe(202);
    stack().zoom.control.clearFaults();
    const retried = await recruiter.agent.post(`/api/interviews/${interview.id}/retry`);

    expect(retried.status).toBe(200);
    expect((retried.body as { interview: Interview }).interview.meeting.status).toBe('scheduled');
  });
});
