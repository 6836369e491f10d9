import type { InterviewRecordingResponse } from '@crm/shared/recordings';
import { ZOOM_FAITHFUL_OPTIONS } from '@crm/zoom-simulator';
import { createTestUser, signIn, signInAs, type TestApi } from './support/start-test-api';
import { connectZoom, rawMemoryStoreText, SIMULATED_INTERVIEWER, useTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

const DAY = 24 * 60 * 60_000;

describe('cloud recordings and transcripts from Zoom', () => {
  const stack = useTestStack({ env: S2S_ENV, zoom: { webhookDelivery: ZOOM_FAITHFUL_OPTIONS.webhookDelivery } });

  /** An interviewer on their own Zoom account with cloud recording on, and an interview a recruiter scheduled with them. */
  async function recordedInterview({ zoom, api }: TestStack, autoRecording: 'cloud' | 'none' = 'cloud') {
    const interviewer = await signInAs(api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).result).toBe('connected');
    await interviewer.agent.put('/api/zoom/meeting-defaults').send({ waitingRoom: false, autoRecording, joinBeforeHost: false, muteUponEntry: true }).expect(200);
    const recruiter = await signInAs(api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(interview.meeting.hostSource).toBe('interviewer');
    return { interviewer, recruiter, interview, meetingId: interview.meeting.zoomMeetingId!, zoom };
  }

  async function holdMeeting(zoom: TestStack['zoom'], meetingId: string, candidate: { name: string; email: string }) {
    await zoom.control.hostJoins(meetingId);
    await zoom.control.guestJoins(meetingId, candidate);
    return zoom.control.endMeeting(meetingId);
  }

  async function recordingAs(api: TestApi, agent: Awaited<ReturnType<typeof signIn>>['agent'], id: string) {
    await api.deps.zoomEvents.processor.idle();
    return agent.get(`/api/interviews/${id}/recording`);
  }

  test('after a recorded meeting ends, the recording link and the transcript appear for the interviewer, the scheduling recruiter and admins', async () => {
    const { api, zoom } = stack();
    const { interviewer, recruiter, interview, meetingId } = await recordedInterview(stack());
    const before = await recordingAs(api, recruiter.agent, interview.id);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ autoRecording: true, recording: null, transcript: null });

    const ended = await holdMeeting(zoom, meetingId, { name: interview.candidateName, email: interview.candidateEmail });
    expect(ended.events.map((e) => [e.event, e.fate])).toEqual(
      expect.arrayContaining([
        ['recording.completed', 'sent'],
        ['recording.transcript_completed', 'sent'],
      ]),
    );

    const admin = await signInAs(api, 'admin');
    for (const agent of [interviewer.agent, recruiter.agent, admin.agent]) {
      const response = await recordingAs(api, agent, interview.id);
      expect(response.status).toBe(200);
      const body = response.body as InterviewRecordingResponse;
      expect(body.autoRecording).toBe(true);
      expect(body.recording).toMatchObject({ playUrl: expect.stringContaining('/rec/play/'), shareUrl: expect.stringContaining('/rec/share/'), durationMinutes: 1 });
      expect(body.transcript!.text).toMatch(/^WEBVTT/);
      expect(body.transcript!.text).toContain(interview.candidateName);
      expect(body.transcript!.deletedAt).toBeNull();
    }
    expect(await api.store.zoomEvents.counts()).toMatchObject({ failed: 0, pending: 0 });
  });

  test('another recruiter and another interviewer get 404 for the recording', async () => {
    const { api, zoom } = stack();
    const { interview, meetingId } = await recordedInterview(stack());
    await holdMeeting(zoom, meetingId, { name: interview.candidateName, email: interview.candidateEmail });

    const otherRecruiter = await signIn(api, (await createTestUser(api.store, 'recruiter')).email);
    const otherInterviewer = await signIn(api, (await createTestUser(api.store, 'interviewer')).email);
    for (const agent of [otherRecruiter.agent, otherInterviewer.agent]) {
      const response = await recordingAs(api, agent, interview.id);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('interview_not_found');
      expect(JSON.stringify(response.body)).not.toContain('WEBVTT');
    }
  });

  test('the download token is neither stored in the clear nor kept once the transcript is in', async () => {
    const { api, zoom } = stack();
    const { recruiter, interview, meetingId } = await recordedInterview(stack());
    await holdMeeting(zoom, meetingId, { name: interview.candidateName, email: interview.candidateEmail });
    expect((await recordingAs(api, recruiter.agent, interview.id)).body.transcript.text).toMatch(/^WEBVTT/);

    const raw = rawMemoryStoreText(api.store);
    for (const secret of stack().secrets()) expect(raw).not.toContain(secret);
    expect(raw).not.toContain('sealed_download_token');
  });

  test('a meeting without cloud recording shows auto-recording off and gets no recording', async () => {
    const { api, zoom } = stack();
    const { recruiter, interview, meetingId } = await recordedInterview(stack(), 'none');
    const ended = await holdMeeting(zoom, meetingId, { name: interview.candidateName, email: interview.candidateEmail });
    expect(ended.events.map((e) => e.event)).not.toContain('recording.completed');

    expect((await recordingAs(api, recruiter.agent, interview.id)).body).toEqual({ autoRecording: false, recording: null, transcript: null });
  });

  test('transcript text is deleted once it is older than the retention admins set; the recording link stays', async () => {
    const { api, zoom } = stack();
    const { recruiter, interview, meetingId } = await recordedInterview(stack());
    const admin = await signInAs(api, 'admin');
    expect((await admin.agent.get('/api/admin/recording-settings')).body).toEqual({ transcriptRetentionDays: 90 });
    await admin.agent.put('/api/admin/recording-settings').send({ transcriptRetentionDays: 30 }).expect(200);
    await recruiter.agent.put('/api/admin/recording-settings').send({ transcriptRetentionDays: 1 }).expect(403);
    await holdMeeting(zoom, meetingId, { name: interview.candidateName, email: interview.candidateEmail });
    expect((await recordingAs(api, recruiter.agent, interview.id)).body.transcript.text).toMatch(/^WEBVTT/);

    api.clock.advance(29 * DAY);
    expect(await api.deps.zoomEvents.transcriptRetention.runOnce()).toBe(0);
    api.clock.advance(2 * DAY);
    expect(await api.deps.zoomEvents.transcriptRetention.runOnce()).toBe(1);

    const after = (await recordingAs(api, recruiter.agent, interview.id)).body as InterviewRecordingResponse;
    expect(after.transcript).toMatchObject({ text: null, deletedAt: expect.any(String) });
    expect(after.recording!.playUrl).toContain('/rec/play/');
    expect(rawMemoryStoreText(api.store)).not.toContain('WEBVTT');
  });
});
