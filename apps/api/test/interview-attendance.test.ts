import type { Interview } from '@crm/shared/interviews';
import type { Agent } from 'supertest';
import { signInAs } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';
import { meetingEvent, postSignedZoomEvent } from './support/signed-zoom-webhook';

describe('attendance from Zoom meeting events', () => {
  const stack = useTestStack({ env: S2S_ENV });

  async function scheduled(overrides: Parameters<typeof interviewRequest>[1] = {}): Promise<{ recruiter: Agent; interview: Interview; meeting: { id: string; hostId: string } }> {
    const { agent: recruiter } = await signInAs(stack().api, 'recruiter');
    const { user: interviewer } = await signInAs(stack().api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter, interviewRequest(interviewer.id, overrides));
    expect(interview.meeting.zoomMeetingId).not.toBeNull();
    return { recruiter, interview, meeting: { id: interview.meeting.zoomMeetingId!, hostId: SYSTEM_HOST.id } };
  }

  async function deliver(...bodies: unknown[]): Promise<void> {
    // Signed at the API's (moved) clock, as Zoom's clock and the API's agree: the signature's age is checked on it.
    const timestampSeconds = Math.floor(stack().api.clock.now().getTime() / 1000);
    for (const body of bodies) expect((await postSignedZoomEvent(stack().api.url, body, { timestampSeconds })).status).toBe(204);
    await stack().api.deps.zoomEvents.processor.idle();
  }

  async function attendanceOf(agent: Agent, id: string): Promise<Interview['attendance']> {
    const response = await agent.get(`/api/interviews/${id}`);
    expect(response.status).toBe(200);
    return (response.body as { interview: Interview }).interview.attendance;
  }

  const host = (at: Date) => ({ user_id: '16778240', id: SYSTEM_HOST.id, user_name: 'Ivy Interviewer', email: SYSTEM_HOST.email, participant_uuid: 'host-uuid', join_time: at.toISOString(), leave_time: at.toISOString() });

  test('host and candidate (matched by email) join, the candidate leaves, the meeting ends: completed, with both attendances', async () => {
    const { recruiter, interview, meeting } = await scheduled();
    const t0 = new Date(interview.startTime);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const candidate = { user_id: '16779000', user_name: 'C. (phone)', email: interview.candidateEmail.toUpperCase(), participant_uuid: 'cand-uuid' };
    expect(await attendanceOf(recruiter, interview.id)).toBeUndefined();

    await deliver(
      meetingEvent('meeting.started', meeting, { object: { start_time: at(0).toISOString() } }),
      meetingEvent('meeting.participant_joined', meeting, { participant: host(at(0)) }),
      meetingEvent('meeting.participant_joined', meeting, { participant: { ...candidate, join_time: at(2).toISOString() } }),
    );
    expect(await attendanceOf(recruiter, interview.id)).toMatchObject({ state: 'in_progress', candidateMatchedBy: 'email' });

    await deliver(
      meetingEvent('meeting.participant_left', meeting, { participant: { ...candidate, leave_time: at(40).toISOString() } }),
      meetingEvent('meeting.ended', meeting, { object: { start_time: at(0).toISOString(), end_time: at(42).toISOString() } }),
    );

    const attendance = await attendanceOf(recruiter, interview.id);
    expect(attendance).toMatchObject({
      state: 'completed',
      candidateWaiting: false,
      startedAt: at(0).toISOString(),
      endedAt: at(42).toISOString(),
      hostJoinedAt: at(0).toISOString(),
      candidateJoinedAt: at(2).toISOString(),
      candidateMatchedBy: 'email',
      hostMinutes: 42,
      candidateMinutes: 38,
    });
    expect(attendance!.participants.map((p) => p.role).sort()).toEqual(['candidate', 'host']);
  });

  test('only the host joins and the meeting ends: candidate_no_show', async () => {
    const { recruiter, interview, meeting } = await scheduled();
    const t0 = new Date(interview.startTime);

    await deliver(
      meetingEvent('meeting.participant_joined', meeting, { participant: host(t0) }),
      meetingEvent('meeting.ended', meeting, { object: { end_time: new Date(t0.getTime() + 20 * 60_000).toISOString() } }),
    );

    expect(await attendanceOf(recruiter, interview.id)).toMatchObject({ state: 'candidate_no_show', hostJoinedAt: t0.toISOString(), candidateJoinedAt: null });
  });

  test('a candidate waiting for the host shows as waiting; 15 minutes past the start without the host it is interviewer_no_show', async () => {
    const { recruiter, interview, meeting } = await scheduled({ candidateName: 'Rosa Díaz' });
    const t0 = new Date(interview.startTime);
    stack().api.clock.advance(t0.getTime() - Date.now());

    await deliver(
      meetingEvent('meeting.participant_jbh_waiting', meeting, { participant: { id: '', user_name: 'rosa  díaz', date_time: t0.toISOString() } }),
    );
    expect(await attendanceOf(recruiter, interview.id)).toMatchObject({ state: 'not_started', candidateWaiting: true, candidateWaitingSince: t0.toISOString() });

    stack().api.clock.advance(16 * 60_000);
    expect(await attendanceOf(recruiter, interview.id)).toMatchObject({ state: 'interviewer_no_show', candidateWaiting: true });
  });

  test('a guest without email is recognised by display name, and admission from the waiting room ends the waiting', async () => {
    const { recruiter, interview, meeting } = await scheduled({ candidateName: 'Sam Guest' });
    const t0 = new Date(interview.startTime);
    const guest = { user_id: '16780000', user_name: 'Sam Guest', participant_uuid: 'guest-uuid' };

    await deliver(
      meetingEvent('meeting.participant_joined', meeting, { participant: host(t0) }),
      meetingEvent('meeting.participant_put_in_waiting_room', meeting, { participant: { ...guest, date_time: t0.toISOString() } }),
    );
    expect(await attendanceOf(recruiter, interview.id)).toMatchObject({ candidateWaiting: true });

    await deliver(
      meetingEvent('meeting.participant_admitted', meeting, { participant: { ...guest, date_time: t0.toISOString() } }),
      meetingEvent('meeting.participant_joined', meeting, { participant: { ...guest, join_time: new Date(t0.getTime() + 60_000).toISOString() } }),
    );

    expect(await attendanceOf(recruiter, interview.id)).toMatchObject({ state: 'in_progress', candidateWaiting: false, candidateMatchedBy: 'name' });
  });

  test('events for a meeting no interview has are processed as no_interview and change nothing', async () => {
    await deliver(meetingEvent('meeting.started', { id: '99999999999' }));

    expect(await stack().api.store.zoomEvents.counts()).toMatchObject({ processed: 1, pending: 0 });
  });

  test('the interview list carries attendance too', async () => {
    const { recruiter, interview, meeting } = await scheduled();
    await deliver(meetingEvent('meeting.participant_joined', meeting, { participant: host(new Date(interview.startTime)) }));

    const list = await recruiter.get('/api/interviews?when=all');

    const listed = (list.body as { interviews: Interview[] }).interviews.find((i) => i.id === interview.id);
    expect(listed?.attendance).toMatchObject({ state: 'in_progress', hostJoinedAt: new Date(interview.startTime).toISOString() });
  });
});
