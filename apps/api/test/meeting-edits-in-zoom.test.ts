import type { Interview } from '@crm/shared/interviews';
import type { Agent } from 'supertest';
import { signInAs } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';
import { meetingEvent, postSignedZoomEvent } from './support/signed-zoom-webhook';

describe('edits made in Zoom come back to the interview; the CRM\'s own edits do not loop back', () => {
  const stack = useTestStack({ env: S2S_ENV });

  async function scheduled() {
    const { agent: recruiter } = await signInAs(stack().api, 'recruiter');
    const { user: interviewer } = await signInAs(stack().api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter, interviewRequest(interviewer.id));
    return { recruiter, interview, meetingId: interview.meeting.zoomMeetingId! };
  }

  async function read(agent: Agent, id: string): Promise<Interview> {
    await stack().api.deps.zoomEvents.processor.idle();
    return ((await agent.get(`/api/interviews/${id}`)).body as { interview: Interview }).interview;
  }

  function zoomMeeting(meetingId: string) {
    return stack().zoom.control.meetings().find((m) => String(m.id) === meetingId)!;
  }

  test('the host moves the meeting in Zoom: the interview takes the new time and duration, and says it was changed in Zoom by whom', async () => {
    const { recruiter, interview, meetingId } = await scheduled();
    const newStart = new Date(new Date(interview.startTime).getTime() + 60 * 60_000);
    const patchesBefore = stack().zoom.control.requests().filter((r) => r.method === 'PATCH').length;

    await stack().zoom.control.editMeetingInZoom(meetingId, { start_time: newStart.toISOString(), duration: 60 });

    const after = await read(recruiter, interview.id);
    expect(after).toMatchObject({ startTime: newStart.toISOString(), durationMinutes: 60, meeting: { status: 'scheduled' } });
    expect(after.zoomNotices).toEqual([
      {
        kind: 'changed_in_zoom',
        at: expect.any(String),
        by: SYSTEM_HOST.email,
        changes: [
          { field: 'startTime', from: new Date(interview.startTime).toISOString(), to: newStart.toISOString() },
          { field: 'durationMinutes', from: '45', to: '60' },
        ],
      },
    ]);
    // Zoom already has these values: the CRM does not send them back.
    await stack().api.deps.meetings.worker.runOnce();
    expect(stack().zoom.control.requests().filter((r) => r.method === 'PATCH')).toHaveLength(patchesBefore);
  });

  test('the CRM reschedules; Zoom\'s meeting.updated for that change carries what the CRM sent and adds no notice', async () => {
    const { recruiter, interview, meetingId } = await scheduled();
    const moved = new Date(new Date(interview.startTime).getTime() + 2 * 60 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect((await recruiter.patch(`/api/interviews/${interview.id}`).send({ startTime: moved })).status).toBeLessThan(300);
    const sent = zoomMeeting(meetingId);

    const echo = await postSignedZoomEvent(
      stack().api.url,
      meetingEvent('meeting.updated', { id: meetingId }, { object: { start_time: sent.start_time, duration: sent.duration, timezone: sent.timezone } }),
    );

    expect(echo.status).toBe(204);
    const after = await read(recruiter, interview.id);
    expect(after.zoomNotices).toBeUndefined();
    expect(after.startTime).toBe(new Date(moved).toISOString());
  });

  test('the host deletes the meeting in Zoom: the meeting shows failed (deleted in Zoom) with a notice, ready to re-create or cancel', async () => {
    const { recruiter, interview, meetingId } = await scheduled();

    await stack().zoom.control.deleteMeetingInZoom(meetingId);

    const after = await read(recruiter, interview.id);
    expect(after.status).toBe('scheduled');
    expect(after.meeting).toMatchObject({ status: 'failed', lastError: { code: 'zoom_meeting_deleted' } });
    expect(after.zoomNotices).toMatchObject([{ kind: 'deleted_in_zoom', by: SYSTEM_HOST.email, changes: [] }]);
  });

  test('the CRM cancels the interview; Zoom\'s meeting.deleted for it changes nothing and adds no notice', async () => {
    const { recruiter, interview, meetingId } = await scheduled();
    expect((await recruiter.delete(`/api/interviews/${interview.id}`)).status).toBeLessThan(300);

    await postSignedZoomEvent(stack().api.url, meetingEvent('meeting.deleted', { id: meetingId }));

    const after = await read(recruiter, interview.id);
    expect(after).toMatchObject({ status: 'cancelled', meeting: { status: 'cancelled' } });
    expect(after.zoomNotices).toBeUndefined();
  });
});
