import type { MeetingAnalyticsResponse } from '@crm/shared/interviews';
import { signInAs } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

const DAY = 24 * 60 * 60_000;

describe('admin analytics: no-show rates and recordings per interviewer over the last 30 days', () => {
  const stack = useTestStack({ env: { ...S2S_ENV } });

  test('completed, candidate no-show and untracked interviews count; cancelled ones do not; recordings are counted per interviewer', async () => {
    const { api, zoom } = stack();
    const recruiter = await signInAs(api, 'recruiter');
    const interviewer = await signInAs(api, 'interviewer');
    const admin = await signInAs(api, 'admin');
    const schedule = async () => (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { candidateEmail: `c-${Math.random()}@candidate.example` }))).interview;
    const [completed, noShow, untracked, cancelled] = [await schedule(), await schedule(), await schedule(), await schedule()];

    await zoom.control.hostJoins(completed.meeting.zoomMeetingId!);
    const guest = await zoom.control.guestJoins(completed.meeting.zoomMeetingId!, { name: completed.candidateName, email: completed.candidateEmail });
    if (zoom.control.meetingParticipants(completed.meeting.zoomMeetingId!).find((p) => p.participantId === guest.participantId)?.where === 'waiting_room') {
      await zoom.control.admitGuest(completed.meeting.zoomMeetingId!, guest.participantId!);
    }
    await zoom.control.endMeeting(completed.meeting.zoomMeetingId!);
    await zoom.control.hostJoins(noShow.meeting.zoomMeetingId!);
    await zoom.control.endMeeting(noShow.meeting.zoomMeetingId!);
    await zoom.control.hostJoins(cancelled.meeting.zoomMeetingId!);
    await zoom.control.endMeeting(cancelled.meeting.zoomMeetingId!);
    await recruiter.agent.delete(`/api/interviews/${cancelled.id}`).expect((response) => expect(response.status).toBeLessThan(300));
    await api.deps.zoomEvents.processor.idle();
    const now = api.clock.now();
    await api.store.interviewRecordings.saveLinks(completed.id, { zoomMeetingId: completed.meeting.zoomMeetingId!, playUrl: 'https://zoom.us/rec/play/x', shareUrl: null, durationMinutes: 30, recordedAt: now }, now);
    await api.store.interviewRecordings.saveLinks(cancelled.id, { zoomMeetingId: cancelled.meeting.zoomMeetingId!, playUrl: 'https://zoom.us/rec/play/y', shareUrl: null, durationMinutes: 30, recordedAt: now }, now);
    // Every interview is over a week later.
    api.clock.advance(12 * DAY);

    const body = (await admin.agent.get('/api/admin/meeting-analytics').expect(200)).body as MeetingAnalyticsResponse;

    const expected = { interviews: 3, tracked: 2, candidateNoShows: 1, interviewerNoShows: 0, candidateNoShowRate: 0.5, interviewerNoShowRate: 0, recordings: 1 };
    expect(body.rows.find((row) => row.interviewer.id === interviewer.user.id)!.attendance).toEqual(expected);
    expect(body.attendance).toEqual(expected);
    expect(untracked.id).toBeDefined();
  });
});
