import type { Interview } from '@crm/shared/interviews';
import { ZOOM_FAITHFUL_OPTIONS } from '@crm/zoom-simulator';
import { signIn, signInAs, startTestApi, type TestApi } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

const MINUTE = 60_000;
let simOffsetMs = 0;
const simNow = () => Date.now() + simOffsetMs;

describe('attendance driven by the Zoom simulator (meeting events delivered as Zoom delivers them)', () => {
  const stack = useTestStack({ env: S2S_ENV, zoom: { now: simNow, webhookDelivery: ZOOM_FAITHFUL_OPTIONS.webhookDelivery } });
  beforeEach(() => {
    simOffsetMs = 0;
  });

  async function scheduled(api: TestApi) {
    const { agent: recruiter, user } = await signInAs(api, 'recruiter');
    const { user: interviewer } = await signInAs(api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter, interviewRequest(interviewer.id));
    return { recruiter, recruiterEmail: user.email, interview, meetingId: interview.meeting.zoomMeetingId! };
  }

  /** The candidate joins; the CRM's meetings have the waiting room on, so the host admits them. */
  async function candidateJoins(zoom: ReturnType<typeof stack>['zoom'], meetingId: string, guest: { name: string; email?: string }) {
    const joined = await zoom.control.guestJoins(meetingId, guest);
    const waiting = zoom.control.meetingParticipants(meetingId).find((p) => p.participantId === joined.participantId)?.where === 'waiting_room';
    if (waiting) await zoom.control.admitGuest(meetingId, joined.participantId!);
    return joined;
  }

  async function attendanceOf(api: TestApi, agent: Awaited<ReturnType<typeof signIn>>['agent'], id: string) {
    await api.deps.zoomEvents.processor.idle();
    return ((await agent.get(`/api/interviews/${id}`)).body as { interview: Interview }).interview.attendance;
  }

  test('host joins, the candidate joins and leaves, the host ends: completed with both attendances', async () => {
    const { api, zoom } = stack();
    const { recruiter, interview, meetingId } = await scheduled(api);

    await zoom.control.hostJoins(meetingId);
    const candidate = await candidateJoins(zoom, meetingId, { name: interview.candidateName, email: interview.candidateEmail });
    expect(await attendanceOf(api, recruiter, interview.id)).toMatchObject({ state: 'in_progress', candidateMatchedBy: 'email' });
    await zoom.control.participantLeaves(meetingId, candidate.participantId!);
    await zoom.control.endMeeting(meetingId);

    const attendance = await attendanceOf(api, recruiter, interview.id);
    expect(attendance).toMatchObject({ state: 'completed', candidateWaiting: false, candidateMatchedBy: 'email' });
    expect(attendance!.hostJoinedAt).not.toBeNull();
    expect(attendance!.candidateJoinedAt).not.toBeNull();
    expect(attendance!.participants.map((p) => p.role).sort()).toEqual(['candidate', 'host']);
  });

  test('only the host joins, then ends the meeting: candidate_no_show', async () => {
    const { api, zoom } = stack();
    const { recruiter, interview, meetingId } = await scheduled(api);

    await zoom.control.hostJoins(meetingId);
    await zoom.control.endMeeting(meetingId);

    expect(await attendanceOf(api, recruiter, interview.id)).toMatchObject({ state: 'candidate_no_show', candidateJoinedAt: null });
  });

  test('a candidate who arrives before the host shows as waiting until the host comes and admits them from the waiting room', async () => {
    const { api, zoom } = stack();
    const { recruiter, interview, meetingId } = await scheduled(api);

    const guest = await zoom.control.guestJoins(meetingId, { name: interview.candidateName });
    expect(await attendanceOf(api, recruiter, interview.id)).toMatchObject({ candidateWaiting: true });
    const hostCame = await zoom.control.hostJoins(meetingId);
    expect(hostCame.events.map((e) => e.event)).toContain('meeting.participant_put_in_waiting_room');
    expect(await attendanceOf(api, recruiter, interview.id)).toMatchObject({ candidateWaiting: true });
    await zoom.control.admitGuest(meetingId, guest.participantId!);

    expect(await attendanceOf(api, recruiter, interview.id)).toMatchObject({ candidateWaiting: false, state: 'in_progress', candidateMatchedBy: 'name' });
  });

  test('a duplicated delivery is processed once', async () => {
    const { api, zoom } = stack();
    const { recruiter, interview, meetingId } = await scheduled(api);
    zoom.control.injectWebhookFault({ event: 'meeting.participant_joined', action: 'duplicate', times: 1 });

    const joined = await zoom.control.hostJoins(meetingId);

    expect(joined.events.find((e) => e.event === 'meeting.participant_joined')).toMatchObject({ fate: 'duplicated', statuses: [204, 204] });
    expect((await attendanceOf(api, recruiter, interview.id))!.participants).toHaveLength(1);
    expect(await api.store.zoomEvents.counts()).toMatchObject({ processed: 2, duplicateDeliveries: 1 });
  });

  test('an event delivered while the API is down reaches it on Zoom\'s retry 5 minutes later and is processed after the restart', async () => {
    const { api, zoom, apiEnv } = stack();
    const { recruiterEmail, interview, meetingId } = await scheduled(api);
    await zoom.control.hostJoins(meetingId);
    const port = new URL(api.url).port;
    await api.close();

    const whileDown = await candidateJoins(zoom, meetingId, { name: interview.candidateName, email: interview.candidateEmail });
    expect(whileDown.events).toEqual([{ event: 'meeting.participant_put_in_waiting_room', fate: 'sent', statuses: [0] }]);
    const admitted = zoom.control.webhookDeliveries().slice(-2);
    expect(admitted.map((d) => [d.event, d.state])).toEqual([
      ['meeting.participant_admitted', 'retrying'],
      ['meeting.participant_joined', 'retrying'],
    ]);

    const restarted = await startTestApi({ env: { ...apiEnv, PORT: port }, store: api.store, clock: api.clock });
    try {
      // Zoom's clock moves 5 minutes on; the retry is signed then, which the API (on wall time) still accepts as fresh.
      simOffsetMs += 5 * MINUTE;
      expect(await zoom.control.deliverDueWebhooks()).toBe(3);
      const { agent } = await signIn(restarted, recruiterEmail);

      expect(await attendanceOf(restarted, agent, interview.id)).toMatchObject({ state: 'in_progress', candidateMatchedBy: 'email' });
      expect(zoom.control.webhookDeliveries().slice(-3).map((d) => [d.state, d.attempts.map((a) => a.status)])).toEqual([
        ['delivered', [0, 204]],
        ['delivered', [0, 204]],
        ['delivered', [0, 204]],
      ]);
    } finally {
      await restarted.close();
    }
  });
});
