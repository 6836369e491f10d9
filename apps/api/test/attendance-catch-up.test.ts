import type { Interview } from '@crm/shared/interviews';
import { ZOOM_FAITHFUL_OPTIONS } from '@crm/zoom-simulator';
import { signInAs, type TestApi } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('attendance catch-up from Zoom\'s participant report when events were missed', () => {
  const stack = useTestStack({ env: S2S_ENV, zoom: { webhookDelivery: ZOOM_FAITHFUL_OPTIONS.webhookDelivery } });

  async function attendanceOf(api: TestApi, agent: Awaited<ReturnType<typeof signInAs>>['agent'], id: string) {
    await api.deps.zoomEvents.processor.idle();
    return ((await agent.get(`/api/interviews/${id}`)).body as { interview: Interview }).interview.attendance;
  }

  test('every participant event dropped: on meeting.ended the report fills attendance and the interview is completed with both', async () => {
    const { api, zoom } = stack();
    const { agent: recruiter } = await signInAs(api, 'recruiter');
    const { user: interviewer } = await signInAs(api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter, interviewRequest(interviewer.id));
    const meetingId = interview.meeting.zoomMeetingId!;
    for (const event of ['meeting.participant_joined', 'meeting.participant_left', 'meeting.participant_put_in_waiting_room', 'meeting.participant_admitted']) {
      zoom.control.injectWebhookFault({ event, action: 'drop', times: 5 });
    }

    await zoom.control.hostJoins(meetingId);
    const guest = await zoom.control.guestJoins(meetingId, { name: interview.candidateName, email: interview.candidateEmail });
    if (zoom.control.meetingParticipants(meetingId).find((p) => p.participantId === guest.participantId)?.where === 'waiting_room') {
      await zoom.control.admitGuest(meetingId, guest.participantId!);
    }
    await zoom.control.participantLeaves(meetingId, guest.participantId!);
    const ended = await zoom.control.endMeeting(meetingId);

    expect(ended.events.filter((e) => e.fate === 'dropped').map((e) => e.event)).toContain('meeting.participant_left');
    const attendance = await attendanceOf(api, recruiter, interview.id);
    expect(attendance).toMatchObject({ state: 'completed', candidateMatchedBy: 'email' });
    expect(attendance!.hostJoinedAt).not.toBeNull();
    expect(attendance!.candidateJoinedAt).not.toBeNull();
    expect(attendance!.participants.map((p) => p.role).sort()).toEqual(['candidate', 'host']);
    expect(zoom.control.requests().filter((r) => r.endpoint === 'pastMeetings.participants').map((r) => r.status)).toEqual([200]);
  });

  test('when the events did arrive, meeting.ended does not ask Zoom for the report', async () => {
    const { api, zoom } = stack();
    const { agent: recruiter } = await signInAs(api, 'recruiter');
    const { user: interviewer } = await signInAs(api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter, interviewRequest(interviewer.id));
    const meetingId = interview.meeting.zoomMeetingId!;

    await zoom.control.hostJoins(meetingId);
    await zoom.control.endMeeting(meetingId);

    expect(await attendanceOf(api, recruiter, interview.id)).toMatchObject({ state: 'candidate_no_show' });
    expect(zoom.control.requests().filter((r) => r.endpoint === 'pastMeetings.participants')).toHaveLength(0);
  });
});
