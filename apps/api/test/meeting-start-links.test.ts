import type { Interview } from '@crm/shared/interviews';
import { removeStoredStartUrls } from '../src/data/remove-stored-start-urls';
import { signInAs } from './support/start-test-api';
import { connectZoom, rawMemoryStoreText, SIMULATED_INTERVIEWER, useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('starting a meeting as host: a start link fetched from Zoom when it is used', () => {
  const stack = useTestStack({ env: S2S_ENV });

  async function scheduledWithConnectedInterviewer() {
    const interviewer = await signInAs(stack().api, 'interviewer');
    expect((await connectZoom(interviewer.agent)).result).toBe('connected');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { startTime: new Date(Date.now() + 7 * DAY_MS).toISOString() }));
    return { interviewer, recruiter, interview };
  }

  test('3 days after creation the creation-time start link is expired, while the one /start fetches opens the host page; no start URL is stored', async () => {
    const { interviewer, interview } = await scheduledWithConnectedInterviewer();
    const creationTimeStartUrl = stack().zoom.control.meetings()[0]!.start_url;

    stack().api.clock.advance(3 * DAY_MS);
    const started = await interviewer.agent.get(`/api/interviews/${interview.id}/start`);

    expect(started.status).toBe(302);
    expect(started.headers['cache-control']).toBe('no-store');
    const freshStartUrl = started.headers.location!;
    expect(freshStartUrl).not.toBe(creationTimeStartUrl);
    expect(freshStartUrl).toContain(`/s/${interview.meeting.zoomMeetingId}?zak=`);
    expect((await fetch(creationTimeStartUrl)).status).toBe(403);
    const hostPage = await fetch(freshStartUrl);
    expect(hostPage.status).toBe(200);
    // Read with the interviewer's own token, as the meeting is hosted there.
    const read = stack().zoom.control.requests().filter((r) => r.endpoint === 'meetings.get');
    expect(read.at(-1)).toMatchObject({ status: 200, zoomUserId: SIMULATED_INTERVIEWER.id });
    const dump = rawMemoryStoreText(stack().api.store);
    expect(dump).not.toContain('zak=');
    expect(dump).not.toContain(freshStartUrl);
    expect(dump).not.toContain(creationTimeStartUrl);
    const listed = (await interviewer.agent.get('/api/interviews').expect(200)).text;
    expect(listed).not.toMatch(/startUrl|zak=/);
    // The /start redirect is the only way to a start link: the interview itself never carries one.
    expect((await interviewer.agent.get(`/api/interviews/${interview.id}`).expect(200)).text).not.toMatch(/startUrl|zak=/);
    // The stale link failed under the simulator's default, Zoom's own rule, not an option this test chose.
    expect(stack().zoom.control.policy().startLinks).toEqual({ ttlSeconds: 7200, reissueOnRead: true, enforceExpiry: true });
  });

  test('a meeting on the system account is started with a link read by the Server-to-Server app; an admin may start it too', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const admin = await signInAs(stack().api, 'admin');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(interview.meeting.hostSource).toBe('system');

    const byHost = await interviewer.agent.get(`/api/interviews/${interview.id}/start`).expect(302);
    const byAdmin = await admin.agent.get(`/api/interviews/${interview.id}/start`).expect(302);

    expect((await fetch(byHost.headers.location!)).status).toBe(200);
    expect((await fetch(byAdmin.headers.location!)).status).toBe(200);
    expect(stack().zoom.control.meetings({ hostId: SYSTEM_HOST.id })).toHaveLength(1);
  });

  test('when Zoom has forgotten the interviewer token, /start renews it once and still redirects', async () => {
    const { interviewer, interview } = await scheduledWithConnectedInterviewer();
    stack().zoom.control.expireAccessTokens(SIMULATED_INTERVIEWER.id);
    const refreshesBefore = stack().zoom.control.tokenGrantCounts().refresh_token;

    await interviewer.agent.get(`/api/interviews/${interview.id}/start`).expect(302);

    expect(stack().zoom.control.tokenGrantCounts().refresh_token - refreshesBefore).toBe(1);
  });

  test('a cancelled interview, or one whose meeting Zoom has not created yet, cannot be started', async () => {
    const { interviewer, recruiter, interview } = await scheduledWithConnectedInterviewer();
    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);
    const cancelled = await interviewer.agent.get(`/api/interviews/${interview.id}/start`);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.code).toBe('interview_cancelled');

    stack().zoom.control.injectFault({ endpoint: 'meetings.create', status: 503, times: 20 });
    const { interview: queued } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(queued.meeting.status).toBe('pending');
    const notYet = await interviewer.agent.get(`/api/interviews/${queued.id}/start`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('conflict');
  });

  test('the migration step removes start URLs stored by earlier versions, once', async () => {
    const { interview } = await scheduledWithConnectedInterviewer();
    const { interviews } = stack().api.store;
    // As an earlier version left it: an encrypted start URL on the meeting.
    await interviews.claim(interview.id, 'legacy-writer', new Date(Date.now() + 60_000), new Date());
    await interviews.release(interview.id, 'legacy-writer', (await interviews.findById(interview.id))!.revision, { startUrlEnvelope: 'v1.test1.legacy.envelope.value' });

    const first = await removeStoredStartUrls(interviews);
    const second = await removeStoredStartUrls(interviews);

    expect(first).toEqual({ scanned: 1, removed: 1 });
    expect(second).toEqual({ scanned: 0, removed: 0 });
    expect((await interviews.findById(interview.id))?.meeting.startUrlEnvelope).toBeNull();
    expect(rawMemoryStoreText(stack().api.store)).not.toContain('legacy.envelope');
    const after = (await interviews.findById(interview.id)) as unknown as { meeting: Interview['meeting'] };
    expect(after.meeting.status).toBe('scheduled');
  });
});
