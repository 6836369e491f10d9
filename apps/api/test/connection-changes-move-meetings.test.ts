import type { Interview } from '@crm/shared/interviews';
import type { AuditEvent } from '@crm/shared/zoom-connection';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_ZOOM_USERS, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';

const IVY = SIMULATED_ZOOM_USERS['interviewer@example.com']!;
const FREELANCER = SIMULATED_ZOOM_USERS['freelancer@outside.example']!;
const MINUTE_MS = 60_000;

describe('connection changes carry the meetings with them', () => {
  let stack: TestStack;
  afterEach(async () => {
    expect(stack.zoom.control.specViolations()).toHaveLength(0);
    await stack.close();
  });

  const live = (hostId: string) => stack.zoom.control.meetings({ hostId }).filter((m) => !m.deleted);
  const readAll = async (agent: Awaited<ReturnType<typeof signInAs>>['agent']) =>
    ((await agent.get('/api/interviews').expect(200)).body as { interviews: Interview[] }).interviews;
  async function auditEvents(): Promise<AuditEvent[]> {
    const admin = await signInAs(stack.api, 'admin');
    return ((await admin.agent.get('/api/admin/audit/events?limit=100').expect(200)).body as { events: AuditEvent[] }).events;
  }

  async function connectedWithInterviews(zoomUserId: string, count: number) {
    const interviewer = await signInAs(stack.api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId })).result).toBe('connected');
    const recruiter = await signInAs(stack.api, 'recruiter');
    const scheduled: Interview[] = [];
    for (let i = 0; i < count; i += 1) scheduled.push((await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id))).interview);
    expect(scheduled.every((interview) => interview.meeting.hostSource === 'interviewer')).toBe(true);
    return { interviewer, recruiter, scheduled };
  }

  test('disconnecting with 3 upcoming interviews lists them first, then ends with 3 meetings on the system account, 0 live on the interviewer account, new join links flagged', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { interviewer, recruiter, scheduled } = await connectedWithInterviews(IVY.id, 3);

    const listed = await interviewer.agent.get('/api/zoom/hosted-interviews').expect(200);
    expect(listed.body.interviews.map((i: { id: string }) => i.id).sort()).toEqual(scheduled.map((i) => i.id).sort());
    const disconnected = await interviewer.agent.post('/api/zoom/disconnect').expect(200);

    expect(disconnected.body).toMatchObject({ state: 'not_connected', lastProblem: null });
    expect(live(IVY.id)).toHaveLength(0);
    expect(live(SYSTEM_HOST.id)).toHaveLength(3);
    const after = await readAll(recruiter.agent);
    for (const interview of after) {
      const before = scheduled.find((i) => i.id === interview.id)!;
      expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'interviewer_disconnected', joinLinkChanged: { previousJoinUrlMayStillWork: false } });
      expect(interview.meeting.joinUrl).not.toBe(before.meeting.joinUrl);
    }
    expect(new Set(after.map((i) => i.meeting.zoomMeetingId))).toEqual(new Set(live(SYSTEM_HOST.id).map((m) => String(m.id))));
    // Moved before the revoke: each old meeting was deleted with the interviewer's own token.
    const order = stack.zoom.control.requests().map((r) => r.endpoint).filter((e) => e === 'meetings.delete' || e === 'oauth.revoke');
    expect(order).toEqual(['meetings.delete', 'meetings.delete', 'meetings.delete', 'oauth.revoke']);
    const events = await auditEvents();
    expect(events.filter((e) => e.type === 'meeting.rehosted')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'zoom.disconnected')).toEqual([expect.objectContaining({ details: expect.objectContaining({ meetingsMoved: 3, meetingsQueuedToMove: 0 }) })]);
    expect((await interviewer.agent.get('/api/zoom/hosted-interviews').expect(200)).body.interviews).toEqual([]);
  });

  test.each([
    ['at once (possibly before the revoke answer)', 0],
    ['late (5 minutes after)', 5 * MINUTE_MS],
  ])('the app_deauthorized Zoom sends for our own revoke, delivered %s and then again, leaves one consistent state and one audit story', async (_when, delayMs) => {
    stack = await startTestStack({ env: S2S_ENV, zoom: { revokeDeauthorization: { delayMs } } });
    const { interviewer, recruiter } = await connectedWithInterviews(IVY.id, 2);

    await interviewer.agent.post('/api/zoom/disconnect').expect(200);
    stack.api.clock.advance(delayMs);
    await stack.zoom.control.deliverDueWebhooks();
    await stack.zoom.control.settleWebhooks();
    const again = await stack.zoom.control.sendDeauthorization(IVY.id);
    await stack.api.deps.meetings.worker.runOnce();

    expect(again.status).toBe(204);
    const deliveries = stack.zoom.control.webhookDeliveries().filter((d) => d.event === 'app_deauthorized');
    expect(deliveries.map((d) => d.state)).toEqual(['delivered', 'delivered']);
    const status = (await interviewer.agent.get('/api/zoom/status').expect(200)).body;
    expect(status).toMatchObject({ state: 'not_connected', lastProblem: null, zoomEmail: null });
    const after = await readAll(recruiter.agent);
    expect(after.map((i) => i.meeting.hostSource)).toEqual(['system', 'system']);
    expect(live(IVY.id)).toHaveLength(0);
    expect(live(SYSTEM_HOST.id)).toHaveLength(2);
    const events = await auditEvents();
    expect(events.filter((e) => e.type.startsWith('zoom.')).map((e) => e.type).sort()).toEqual(['zoom.connected', 'zoom.disconnected']);
    expect(events.filter((e) => e.type === 'meeting.rehosted')).toHaveLength(2);
  });

  test('when the app is removed in Zoom, the worker moves upcoming meetings to the system account and deletes the old ones with the Server-to-Server app', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { recruiter, scheduled } = await connectedWithInterviews(IVY.id, 2);

    await stack.zoom.control.sendDeauthorization(IVY.id);
    await stack.api.deps.meetings.worker.runOnce();

    const after = await readAll(recruiter.agent);
    expect(after.map((i) => i.meeting)).toEqual(
      scheduled.map(() => expect.objectContaining({ status: 'scheduled', hostSource: 'system', hostReason: 'interviewer_disconnected', joinLinkChanged: expect.objectContaining({ previousJoinUrlMayStillWork: false }) })),
    );
    expect(live(IVY.id)).toHaveLength(0);
    expect(live(SYSTEM_HOST.id)).toHaveLength(2);
  });

  test('when the host is outside the organisation account, the moved interview says its old join link may still open', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { recruiter } = await connectedWithInterviews(FREELANCER.id, 1);

    await stack.zoom.control.sendDeauthorization(FREELANCER.id);
    await stack.api.deps.meetings.worker.runOnce();

    const [moved] = await readAll(recruiter.agent);
    expect(moved!.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', joinLinkChanged: { previousJoinUrlMayStillWork: true } });
    expect(moved!.meeting.joinLinkChanged!.reason).toMatch(/could not be deleted/);
    expect(live(FREELANCER.id)).toHaveLength(1);
    const events = await auditEvents();
    expect(events.find((e) => e.type === 'meeting.rehosted')?.details).toMatchObject({ previousMeetingDeleted: false });
  });

  test('when the connection needs reconnecting, its upcoming meetings move with hostReason needs_reconnect', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { interviewer, recruiter } = await connectedWithInterviews(IVY.id, 1);
    stack.zoom.control.rotateRefreshTokenElsewhere(IVY.id);
    expect((await stack.api.deps.userAccessTokens.forUser(interviewer.user.id).getAccessToken({ forceRefresh: true })).ok).toBe(false);

    await stack.api.deps.meetings.worker.runOnce();

    const [moved] = await readAll(recruiter.agent);
    expect(moved!.meeting).toMatchObject({ hostSource: 'system', hostReason: 'needs_reconnect', joinLinkChanged: { previousJoinUrlMayStillWork: false } });
    expect(live(IVY.id)).toHaveLength(0);
  });

  test('an admin force-disconnect queues the moves and the worker carries them out', async () => {
    stack = await startTestStack({ env: S2S_ENV });
    const { interviewer, recruiter } = await connectedWithInterviews(IVY.id, 2);
    const admin = await signInAs(stack.api, 'admin');

    await admin.agent.post(`/api/admin/users/${interviewer.user.id}/zoom/disconnect`).expect(200);
    expect((await readAll(recruiter.agent)).map((i) => i.meeting.status)).toEqual(['pending', 'pending']);
    await stack.api.deps.meetings.worker.runOnce();

    expect((await readAll(recruiter.agent)).map((i) => [i.meeting.status, i.meeting.hostSource])).toEqual([
      ['scheduled', 'system'],
      ['scheduled', 'system'],
    ]);
    expect(live(IVY.id)).toHaveLength(0);
    expect(live(SYSTEM_HOST.id)).toHaveLength(2);
  });
});
