import type { Interview } from '@crm/shared/interviews';
import type { Agent } from 'supertest';
import { signInAs } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('with the simulator echoing the CRM\'s own API changes as Zoom does, none of them reads as "changed in Zoom"', () => {
  const stack = useTestStack({ env: S2S_ENV, emitApiChanges: true });

  async function scheduled() {
    const { agent: recruiter } = await signInAs(stack().api, 'recruiter');
    const { user: interviewer } = await signInAs(stack().api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter, interviewRequest(interviewer.id));
    return { recruiter, interview };
  }

  async function read(agent: Agent, id: string): Promise<Interview> {
    await stack().zoom.control.settleWebhooks();
    await stack().api.deps.zoomEvents.processor.idle();
    return ((await agent.get(`/api/interviews/${id}`)).body as { interview: Interview }).interview;
  }

  function deliveriesOf(event: string) {
    return stack().zoom.control.webhookDeliveries().filter((d) => d.event === event);
  }

  test('a reschedule (new time, duration and agenda) comes back as meeting.updated, is processed and adds no notice', async () => {
    const { recruiter, interview } = await scheduled();
    const moved = new Date(new Date(interview.startTime).getTime() + 3 * 60 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

    expect((await recruiter.patch(`/api/interviews/${interview.id}`).send({ startTime: moved, durationMinutes: 60, agenda: 'Pairing' })).status).toBeLessThan(300);

    const after = await read(recruiter, interview.id);
    expect(deliveriesOf('meeting.updated').map((d) => [d.state, d.attempts.map((a) => a.status)])).toEqual([['delivered', [204]]]);
    expect(after.zoomNotices).toBeUndefined();
    expect(after).toMatchObject({ startTime: new Date(moved).toISOString(), durationMinutes: 60, meeting: { status: 'scheduled' } });
    expect(await stack().api.store.zoomEvents.counts()).toMatchObject({ processed: 1, failed: 0, pending: 0 });
  });

  test('a cancellation comes back as meeting.deleted, is processed and leaves the interview cancelled without a notice', async () => {
    const { recruiter, interview } = await scheduled();

    expect((await recruiter.delete(`/api/interviews/${interview.id}`)).status).toBeLessThan(300);

    const after = await read(recruiter, interview.id);
    expect(deliveriesOf('meeting.deleted').map((d) => d.state)).toEqual(['delivered']);
    expect(after).toMatchObject({ status: 'cancelled', meeting: { status: 'cancelled' } });
    expect(after.zoomNotices).toBeUndefined();
  });

  test('a change made in Zoom afterwards is still flagged: the echo of the CRM\'s own change does not mask it', async () => {
    const { recruiter, interview } = await scheduled();
    await recruiter.patch(`/api/interviews/${interview.id}`).send({ durationMinutes: 50 });
    await read(recruiter, interview.id);

    await stack().zoom.control.editMeetingInZoom(interview.meeting.zoomMeetingId!, { duration: 75 });

    const after = await read(recruiter, interview.id);
    expect(after.durationMinutes).toBe(75);
    expect(after.zoomNotices).toMatchObject([{ kind: 'changed_in_zoom', changes: [{ field: 'durationMinutes', from: '50', to: '75' }] }]);
  });
});
