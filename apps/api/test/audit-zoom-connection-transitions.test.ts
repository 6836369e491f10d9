import type { AuditEntry, AuditSearchResponse } from '@crm/shared/audit';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_INTERVIEWER, SIMULATED_ZOOM_USERS, useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

type Agent = Awaited<ReturnType<typeof signInAs>>['agent'];

async function search(agent: Agent, query: Record<string, string | number>): Promise<AuditEntry[]> {
  return ((await agent.get('/api/admin/audit/events').query({ limit: 100, ...query }).expect(200)).body as AuditSearchResponse).events;
}

/** Oldest first: the order the story happened in. */
const story = (events: AuditEntry[]) => events.map((event) => event.sentence).reverse();
const causes = (events: AuditEntry[]) => events.map((event) => event.details.cause).reverse();

describe('the audit trail tells each Zoom connection transition with its cause', () => {
  const stack = useTestStack({ env: S2S_ENV });

  test('connected, token rejected, reconnected, refresh rejected, reconnected, then disconnected by the user with the upcoming meeting moved: one sentence each, in order', async () => {
    const { api, zoom } = stack();
    const interviewer = await signInAs(api, 'interviewer');
    const recruiter = await signInAs(api, 'recruiter');
    const admin = await signInAs(api, 'admin');
    const who = `${interviewer.user.name} (${interviewer.user.email})`;

    expect((await connectZoom(interviewer.agent)).result).toBe('connected');
    // Zoom refuses the token, and the renewed one too, while a meeting is created.
    zoom.control.injectFault({ endpoint: 'meetings.create', status: 401, times: 2 });
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect((await connectZoom(interviewer.agent)).result).toBe('connected');
    // The refresh token was used elsewhere: the renewal Zoom is asked for is refused.
    zoom.control.expireAccessTokens(SIMULATED_INTERVIEWER.id);
    zoom.control.rotateRefreshTokenElsewhere(SIMULATED_INTERVIEWER.id);
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect((await connectZoom(interviewer.agent)).result).toBe('connected');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    expect(interview.meeting.hostSource).toBe('interviewer');
    await interviewer.agent.post('/api/zoom/disconnect').expect(200);
    await api.deps.zoomEvents.processor.idle();

    const events = await search(admin.agent, { subjectUserId: interviewer.user.id, type: 'zoom' });

    expect(story(events)).toEqual([
      `${who} connected Zoom as ${SIMULATED_INTERVIEWER.email}.`,
      `Zoom rejected ${who}'s access token even after renewing it; they must reconnect Zoom.`,
      `${who} reconnected Zoom as ${SIMULATED_INTERVIEWER.email} after Zoom had stopped accepting the connection.`,
      `Zoom refused to renew ${who}'s access (the grant was revoked, or renewed outside the CRM); they must reconnect Zoom.`,
      `${who} reconnected Zoom as ${SIMULATED_INTERVIEWER.email} after Zoom had stopped accepting the connection.`,
      `${who} disconnected Zoom; 1 upcoming meeting moved off their Zoom account; access revoked at Zoom.`,
    ]);
    expect(causes(events)).toEqual(['connected', 'token_rejected', 'reconnected', 'refresh_rejected', 'reconnected', 'self_disconnect']);
    // Zoom answers the revoke with app_deauthorized; it finds nobody holding that Zoom user and records nothing.
    expect(events.filter((event) => event.type === 'zoom.deauthorized')).toEqual([]);
  });

  test("an admin's force-disconnect names the admin and the meetings moving; a deactivation names itself as the cause", async () => {
    const { api } = stack();
    const admin = await signInAs(api, 'admin');
    const recruiter = await signInAs(api, 'recruiter');
    const forced = await signInAs(api, 'interviewer');
    const deactivated = await signInAs(api, 'interviewer');
    await connectZoom(forced.agent, { zoomUserId: SIMULATED_INTERVIEWER.id });
    await connectZoom(deactivated.agent, { zoomUserId: SIMULATED_ZOOM_USERS['interviewer2@example.com']!.id });
    for (let n = 0; n < 2; n += 1) await scheduleOverHttp(recruiter.agent, interviewRequest(forced.user.id));

    await admin.agent.post(`/api/admin/users/${forced.user.id}/zoom/disconnect`).expect(200);
    await admin.agent.post(`/api/admin/users/${deactivated.user.id}/deactivate`).expect(200);

    const [forcedEvent] = await search(admin.agent, { subjectUserId: forced.user.id, type: 'zoom.disconnected' });
    expect(forcedEvent!.sentence).toBe(
      `${admin.user.name} force-disconnected ${forced.user.name} (${forced.user.email})'s Zoom; 2 upcoming meetings are moving off their Zoom account; access revoked at Zoom.`,
    );
    expect(forcedEvent!.details).toMatchObject({ cause: 'admin_force_disconnect', by: 'admin', meetingsMoved: 0, meetingsQueuedToMove: 2 });
    const [deactivationEvent] = await search(admin.agent, { subjectUserId: deactivated.user.id, type: 'zoom.disconnected' });
    expect(deactivationEvent!.sentence).toBe(
      `${deactivated.user.name} (${deactivated.user.email})'s Zoom was disconnected because ${admin.user.name} deactivated their account; access revoked at Zoom.`,
    );
    expect(deactivationEvent!.details).toMatchObject({ cause: 'user_deactivated' });
    expect(deactivationEvent!.actor).toMatchObject({ userId: admin.user.id, kind: 'user' });
  });

  test('the app removed in Zoom (app_deauthorized webhook) is one event naming the webhook, not a second "webhook applied" line', async () => {
    const { api, zoom } = stack();
    const admin = await signInAs(api, 'admin');
    const interviewer = await signInAs(api, 'interviewer');
    await connectZoom(interviewer.agent);

    await zoom.control.sendDeauthorization(SIMULATED_INTERVIEWER.id);
    await api.deps.zoomEvents.processor.idle();

    const events = await search(admin.agent, { subjectUserId: interviewer.user.id });
    expect(events.map((event) => event.type)).toEqual(['zoom.deauthorized', 'zoom.connected', 'auth.signed_in']);
    expect(events[0]).toMatchObject({
      actor: { kind: 'zoom' },
      details: { cause: 'app_deauthorized', zoomEvent: 'app_deauthorized', zoomUserId: SIMULATED_INTERVIEWER.id },
      sentence: `${interviewer.user.name} (${interviewer.user.email}) removed the CRM app in Zoom (Zoom's app_deauthorized event); the connection ended and their tokens were deleted.`,
    });
  });
});
