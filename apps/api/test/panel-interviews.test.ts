import type { AuditSearchResponse } from '@crm/shared/audit';
import type { Interview, InterviewHistoryEntry } from '@crm/shared/interviews';
import { presentInterview } from '../src/domain/interviews/present-interview';
import { createTestUser, signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_ZOOM_USERS, startTestStack, type TestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp, SYSTEM_HOST } from './support/meeting-test-helpers';

const IAN = SIMULATED_ZOOM_USERS['interviewer2@example.com']!; // sim-account-001, like the organisation's host
const IVY = SIMULATED_ZOOM_USERS['interviewer@example.com']!; // sim-account-001
const FELIX = SIMULATED_ZOOM_USERS['freelancer@outside.example']!; // another Zoom account

describe('panel interviews', () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  /** A recruiter, an interviewer who never connected Zoom, and interviewers connected as the named Zoom users. */
  async function arrange() {
    stack = await startTestStack({ env: S2S_ENV });
    const recruiter = await signInAs(stack.api, 'recruiter');
    const unconnected = await signInAs(stack.api, 'interviewer');
    const connectedAs = async (zoomUserId: string) => {
      const member = await signInAs(stack.api, 'interviewer');
      expect((await connectZoom(member.agent, { zoomUserId })).result).toBe('connected');
      return member;
    };
    return { recruiter, unconnected, connectedAs };
  }

  const creates = () => stack.zoom.control.requests().filter((request) => request.endpoint === 'meetings.create');
  const liveMeeting = (id: string | null) => stack.zoom.control.meetings().find((meeting) => String(meeting.id) === id && !meeting.deleted);

  test('when the first interviewer has not connected Zoom and the second has, the second hosts on their own account; Zoom takes the third (same account) as alternative host and refuses the first, who is a panelist', async () => {
    const { recruiter, unconnected, connectedAs } = await arrange();
    const second = await connectedAs(IAN.id);
    const third = await connectedAs(IVY.id);

    const { status, interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(unconnected.user.id, { interviewerId: undefined, interviewerIds: [unconnected.user.id, second.user.id, third.user.id] }));

    expect(status).toBe(201);
    expect(interview.meeting).toMatchObject({ status: 'scheduled', hostSource: 'interviewer', hostReason: 'connected', hostZoomEmail: IAN.email });
    expect(interview.hostInterviewerId).toBe(second.user.id);
    expect(interview.interviewer.id).toBe(unconnected.user.id);
    expect(interview.panel).toEqual([
      { id: unconnected.user.id, name: unconnected.user.name, email: unconnected.user.email, role: 'panelist' },
      { id: second.user.id, name: second.user.name, email: second.user.email, role: 'host' },
      { id: third.user.id, name: third.user.name, email: third.user.email, role: 'alternative_host' },
    ]);
    const meeting = liveMeeting(interview.meeting.zoomMeetingId);
    expect(meeting).toMatchObject({ host_id: IAN.id, settings: expect.objectContaining({ alternative_hosts: IVY.email }) });
    // The first create offered both others; Zoom's 1114 named the one off its account, and the second went through.
    expect(creates().map((request) => request.status)).toEqual([400, 201]);
  });

  test("when nobody on the panel can host, the meeting falls back to the organisation with the first member's reason, and members who are not users of its Zoom account are panelists", async () => {
    const { recruiter, unconnected, connectedAs } = await arrange();
    const outsider = await connectedAs(FELIX.id);
    // Connected once (to another Zoom account), then disconnected: he cannot host either.
    await outsider.agent.post('/api/zoom/disconnect').expect(200);
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(unconnected.user.id, { interviewerId: undefined, interviewerIds: [unconnected.user.id, outsider.user.id] }));

    expect(interview.meeting).toMatchObject({ hostSource: 'system', hostReason: 'not_connected', hostZoomEmail: SYSTEM_HOST.email });
    expect(interview.hostInterviewerId).toBeNull();
    expect(interview.panel?.map((member) => member.role)).toEqual(['panelist', 'panelist']);
    expect(liveMeeting(interview.meeting.zoomMeetingId)?.settings).toMatchObject({ alternative_hosts: '' });
  });

  test('every panel member sees the interview (list, mine, page, notes) and an interviewer off the panel does not; only the host and admins may start it', async () => {
    const { recruiter, unconnected, connectedAs } = await arrange();
    const host = await connectedAs(IAN.id);
    const outsider = await signInAs(stack.api, 'interviewer');
    const admin = await signInAs(stack.api, 'admin');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(unconnected.user.id, { interviewerId: undefined, interviewerIds: [unconnected.user.id, host.user.id], notes: 'Ask about the migration' }));

    for (const member of [unconnected, host]) {
      const listed = (await member.agent.get('/api/interviews').query({ mine: 'true' }).expect(200)).body.interviews as Interview[];
      expect(listed.map((entry) => entry.id)).toContain(interview.id);
      const page = (await member.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview as Interview;
      expect(page.notes).toBe('Ask about the migration');
    }
    await outsider.agent.get(`/api/interviews/${interview.id}`).expect(404);
    expect(((await outsider.agent.get('/api/interviews').expect(200)).body.interviews as Interview[]).map((entry) => entry.id)).not.toContain(interview.id);

    expect((await unconnected.agent.get(`/api/interviews/${interview.id}/start`)).status).toBe(403);
    expect((await recruiter.agent.get(`/api/interviews/${interview.id}/start`)).status).toBe(403);
    expect((await host.agent.get(`/api/interviews/${interview.id}/start`)).status).toBe(302);
    expect((await admin.agent.get(`/api/interviews/${interview.id}/start`)).status).toBe(302);
  });

  test('internal notes are presented only to the hiring team: a viewer off the panel without a hiring role gets none', async () => {
    const { recruiter, unconnected } = await arrange();
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(unconnected.user.id, { notes: 'Internal only' }));
    const record = (await stack.api.store.interviews.findById(interview.id))!;

    expect(presentInterview(record, null, new Map(), { userId: 'someone-else', role: 'interviewer' }).notes).toBe('');
    expect(presentInterview(record, null, new Map(), { userId: unconnected.user.id, role: 'interviewer' }).notes).toBe('Internal only');
    expect(presentInterview(record, null, new Map(), { userId: recruiter.user.id, role: 'recruiter' }).notes).toBe('Internal only');
  });

  test('a reschedule that changes the panel to one with another host moves the meeting there (created on the new host, the old one deleted) and the history names the panels', async () => {
    const { recruiter, unconnected, connectedAs } = await arrange();
    const first = await connectedAs(IAN.id);
    const next = await connectedAs(IVY.id);
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(first.user.id, { interviewerId: undefined, interviewerIds: [first.user.id, unconnected.user.id] }));

    const response = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ interviewerIds: [next.user.id, unconnected.user.id] });

    expect(response.status).toBe(200);
    const moved = response.body.interview as Interview;
    expect(moved.hostInterviewerId).toBe(next.user.id);
    expect(moved.meeting).toMatchObject({ status: 'scheduled', hostSource: 'interviewer', hostZoomEmail: IVY.email });
    expect(moved.meeting.zoomMeetingId).not.toBe(interview.meeting.zoomMeetingId);
    expect(moved.meeting.joinLinkChanged).toMatchObject({ previousJoinUrlMayStillWork: false });
    expect(liveMeeting(interview.meeting.zoomMeetingId)).toBeUndefined();
    expect(liveMeeting(moved.meeting.zoomMeetingId)).toMatchObject({ host_id: IVY.id });
    // The old host is off the panel: the interview is no longer theirs to see.
    await first.agent.get(`/api/interviews/${interview.id}`).expect(404);
    const history = (await recruiter.agent.get(`/api/interviews/${interview.id}/history`).expect(200)).body.history as InterviewHistoryEntry[];
    const rescheduled = history.find((entry) => entry.kind === 'rescheduled');
    expect(rescheduled?.changes).toContainEqual({ field: 'interviewerIds', from: `${first.user.name}, ${unconnected.user.name}`, to: `${next.user.name}, ${unconnected.user.name}` });
    expect(history.map((entry) => entry.kind)).toContain('rehosted');
  });

  test('when the hosting member disconnects Zoom, the next panel member with Zoom takes the meeting over on their account and the old one is deleted', async () => {
    const { recruiter, connectedAs } = await arrange();
    const host = await connectedAs(IAN.id);
    const next = await connectedAs(IVY.id);
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(host.user.id, { interviewerId: undefined, interviewerIds: [host.user.id, next.user.id] }));
    expect(interview.hostInterviewerId).toBe(host.user.id);

    await host.agent.post('/api/zoom/disconnect').expect(200);

    const moved = (await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview as Interview;
    expect(moved.hostInterviewerId).toBe(next.user.id);
    expect(moved.meeting).toMatchObject({ status: 'scheduled', hostSource: 'interviewer', hostReason: 'connected', hostZoomEmail: IVY.email, joinLinkChanged: { previousJoinUrlMayStillWork: false } });
    expect(moved.meeting.zoomMeetingId).not.toBe(interview.meeting.zoomMeetingId);
    expect(liveMeeting(interview.meeting.zoomMeetingId)).toBeUndefined();
    expect(liveMeeting(moved.meeting.zoomMeetingId)).toMatchObject({ host_id: IVY.id });
    expect(stack.zoom.control.meetings({ hostId: SYSTEM_HOST.id }).filter((meeting) => !meeting.deleted)).toHaveLength(0);
    const history = (await recruiter.agent.get(`/api/interviews/${interview.id}/history`).expect(200)).body.history as InterviewHistoryEntry[];
    expect(history.map((entry) => entry.kind)).toContain('rehosted');
    const admin = await signInAs(stack.api, 'admin');
    const audit = (await admin.agent.get('/api/admin/audit/events').query({ limit: 100, type: 'meeting.rehosted' }).expect(200)).body as AuditSearchResponse;
    expect(audit.events.map((event) => event.sentence)).toEqual([expect.stringContaining(`moved to another panel member's Zoom account (${IVY.email}) because`)]);
  });

  test("when the hosting member disconnects and nobody else on the panel has Zoom, the meeting moves to the organisation's account with the disconnect as its reason", async () => {
    const { recruiter, unconnected, connectedAs } = await arrange();
    const host = await connectedAs(IAN.id);
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(host.user.id, { interviewerId: undefined, interviewerIds: [host.user.id, unconnected.user.id] }));

    await host.agent.post('/api/zoom/disconnect').expect(200);

    const moved = (await recruiter.agent.get(`/api/interviews/${interview.id}`).expect(200)).body.interview as Interview;
    expect(moved.hostInterviewerId).toBeNull();
    expect(moved.meeting).toMatchObject({ status: 'scheduled', hostSource: 'system', hostReason: 'interviewer_disconnected' });
    expect(liveMeeting(moved.meeting.zoomMeetingId)).toMatchObject({ host_id: SYSTEM_HOST.id });
    expect(liveMeeting(interview.meeting.zoomMeetingId)).toBeUndefined();
  });

  test('a reschedule that adds a member and keeps the host keeps the meeting (same join link) and tells Zoom the new alternative host', async () => {
    const { recruiter, connectedAs } = await arrange();
    const host = await connectedAs(IAN.id);
    const joining = await connectedAs(IVY.id);
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(host.user.id));

    const response = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ interviewerIds: [host.user.id, joining.user.id] });

    expect(response.status).toBe(200);
    const changed = response.body.interview as Interview;
    expect(changed.meeting.zoomMeetingId).toBe(interview.meeting.zoomMeetingId);
    expect(changed.panel?.map((member) => [member.id, member.role])).toEqual([
      [host.user.id, 'host'],
      [joining.user.id, 'alternative_host'],
    ]);
    expect(liveMeeting(interview.meeting.zoomMeetingId)?.settings).toMatchObject({ alternative_hosts: IVY.email });
  });

  test('a panel member already busy then makes the create a 409 naming that member', async () => {
    const { recruiter, unconnected } = await arrange();
    const busy = await createTestUser(stack.api.store, 'interviewer', { name: 'Bea Busy' });
    const startTime = new Date(Date.now() + 80 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await scheduleOverHttp(recruiter.agent, interviewRequest(busy.id, { startTime }));

    const refused = await recruiter.agent.post('/api/interviews').send(interviewRequest(unconnected.user.id, { interviewerId: undefined, interviewerIds: [unconnected.user.id, busy.id], startTime }));

    expect(refused.status).toBe(409);
    expect(refused.body.error.details.conflicts).toEqual([expect.objectContaining({ interviewer: { id: busy.id, name: 'Bea Busy' }, overlaps: ['interviewer'] })]);
  });

  describe('bad panels are refused with a 400 naming the field, never a 500', () => {
    const cases: [string, (ids: { interviewer: string; other: string; recruiter: string }) => Record<string, unknown>, string, string][] = [
      ['an unknown interviewer id in the panel', ({ interviewer }) => ({ interviewerIds: [interviewer, 'no-such-user'] }), 'interviewer_invalid', 'interviewerIds.1'],
      ['a panel member who is not an interviewer', ({ recruiter, interviewer }) => ({ interviewerIds: [recruiter, interviewer] }), 'interviewer_invalid', 'interviewerIds.0'],
      ['an empty panel', () => ({ interviewerIds: [] }), 'validation_failed', 'interviewerIds'],
      ['the same interviewer twice', ({ interviewer }) => ({ interviewerIds: [interviewer, interviewer] }), 'validation_failed', 'interviewerIds'],
      ['a panel of 50', ({ interviewer }) => ({ interviewerIds: Array.from({ length: 50 }, (_, index) => `${interviewer}-${index}`) }), 'validation_failed', 'interviewerIds'],
      ['both interviewerIds and interviewerId (conflicting flags)', ({ interviewer, other }) => ({ interviewerIds: [interviewer], interviewerId: other }), 'validation_failed', 'interviewerIds'],
      ['neither interviewerIds nor interviewerId', () => ({}), 'validation_failed', 'interviewerIds'],
      ['a start more than a year ahead', ({ interviewer, other }) => ({ interviewerIds: [interviewer, other], startTime: '2099-01-01T10:00:00Z' }), 'validation_failed', 'startTime'],
    ];

    test.each(cases)('POST with %s', async (_name, body, code, path) => {
      stack = await startTestStack({ env: S2S_ENV });
      const recruiter = await signInAs(stack.api, 'recruiter');
      const interviewer = await createTestUser(stack.api.store, 'interviewer');
      const other = await createTestUser(stack.api.store, 'interviewer');
      const { interviewerId: _shorthand, ...request } = interviewRequest(interviewer.id);

      const response = await recruiter.agent.post('/api/interviews').send({ ...request, ...body({ interviewer: interviewer.id, other: other.id, recruiter: recruiter.user.id }) });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });

    test.each(cases.filter(([name]) => !name.startsWith('neither')))('PATCH with %s', async (_name, body, code, path) => {
      stack = await startTestStack({ env: S2S_ENV });
      const recruiter = await signInAs(stack.api, 'recruiter');
      const interviewer = await createTestUser(stack.api.store, 'interviewer');
      const other = await createTestUser(stack.api.store, 'interviewer');
      const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.id));

      const response = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send(body({ interviewer: other.id, other: interviewer.id, recruiter: recruiter.user.id }));

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });
  });
});
