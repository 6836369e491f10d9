import { DateTime } from 'luxon';
import type { AuditEntry, AuditSearchResponse } from '@crm/shared/audit';
import { signInAs } from './support/start-test-api';
import { useTestStack } from './support/start-test-stack';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';

describe('the audit trail tells the story', () => {
  const stack = useTestStack({ env: S2S_ENV });

  async function search(agent: Awaited<ReturnType<typeof signInAs>>['agent'], query: Record<string, string | number>): Promise<AuditSearchResponse> {
    return (await agent.get('/api/admin/audit/events').query(query).expect(200)).body as AuditSearchResponse;
  }

  test("one interview's history, filtered by interview: scheduled on the system account (with the reason), rescheduled with both times in its zone, cancelled", async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const admin = await signInAs(stack().api, 'admin');
    // Within the one-year horizon: 40 days from the API's today, 15:00 UTC, then an hour later.
    const start = DateTime.fromJSDate(stack().api.clock.now(), { zone: 'utc' }).plus({ days: 40 }).set({ hour: 15, minute: 0, second: 0, millisecond: 0 });
    const moved = start.plus({ hours: 1 });
    const inNewYork = (time: DateTime) => time.setZone('America/New_York').toFormat('ccc d LLL yyyy, HH:mm');
    const { interview } = await scheduleOverHttp(
      recruiter.agent,
      interviewRequest(interviewer.user.id, { candidateName: 'Grace Hopper', timeZone: 'America/New_York', startTime: start.toISO({ suppressMilliseconds: true })! }),
    );
    await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ startTime: moved.toISO({ suppressMilliseconds: true })! }).expect(200);
    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);
    // Another interview's events must not show up.
    await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    const { events } = await search(admin.agent, { interviewId: interview.id });

    const story = events.map((event) => event.sentence).reverse();
    const recruiterName = recruiter.user.name;
    expect(story).toEqual([
      `${recruiterName} scheduled Grace Hopper's interview for Backend Engineer with ${interviewer.user.name} (${interviewer.user.email}) at ${inNewYork(start)} (America/New_York), on the organisation's Zoom account.`,
      "The meeting for Grace Hopper's interview is hosted on the organisation's Zoom account because the interviewer has not connected Zoom.",
      `${recruiterName} rescheduled Grace Hopper's interview from ${inNewYork(start)} to ${inNewYork(moved)} (America/New_York).`,
      `${recruiterName} cancelled Grace Hopper's interview planned for ${inNewYork(moved)} (America/New_York); the Zoom meeting is deleted and the candidate told.`,
    ]);
    expect(events.every((event: AuditEntry) => event.interviewId === interview.id)).toBe(true);
  });

  test('filters by actor, affected user, event category and date range, and pages with a cursor that stays stable', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const admin = await signInAs(stack().api, 'admin');
    for (let n = 0; n < 3; n += 1) await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));

    const byRecruiter = await search(admin.agent, { actorUserId: recruiter.user.id, type: 'interviews', limit: 2 });
    expect(byRecruiter.events).toHaveLength(2);
    expect(byRecruiter.nextCursor).not.toBeNull();
    const older = await search(admin.agent, { actorUserId: recruiter.user.id, type: 'interviews', limit: 2, cursor: byRecruiter.nextCursor! });
    expect(older.events).toHaveLength(1);
    expect(older.nextCursor).toBeNull();
    const all = [...byRecruiter.events, ...older.events];
    expect(new Set(all.map((event) => event.id)).size).toBe(3);
    expect(all.every((event) => event.type === 'interview.scheduled' && event.actor.userId === recruiter.user.id)).toBe(true);

    const aboutInterviewer = await search(admin.agent, { subjectUserId: interviewer.user.id, type: 'sign_ins' });
    expect(aboutInterviewer.events.map((event) => event.sentence)).toEqual([`${interviewer.user.name} (${interviewer.user.email}) signed in with a password.`]);

    const today = stack().api.clock.now().toISOString().slice(0, 10);
    expect((await search(admin.agent, { actorUserId: recruiter.user.id, from: today, to: today })).events.length).toBeGreaterThanOrEqual(4);
    expect((await search(admin.agent, { actorUserId: recruiter.user.id, to: '2000-01-01' })).events).toEqual([]);
  });

  test('the CSV export carries the same sentences, one row per event, and neutralises spreadsheet formulas', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const admin = await signInAs(stack().api, 'admin');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { candidateName: '=HYPERLINK("http://evil.example")' }));

    const response = await admin.agent.get('/api/admin/audit/export.csv').query({ interviewId: interview.id }).expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="?audit-log-\d{4}-\d{2}-\d{2}\.csv"?/);
    const rows = response.text.trim().split('\r\n');
    expect(rows[0]).toBe('time (UTC),event,actor,affected user,interview,what happened,request id,ip');
    expect(rows).toHaveLength(3); // scheduled + fallback
    expect(rows[1]).toContain(',meeting.fallback,system,');
    expect(rows[2]).toContain(',interview.scheduled,');
    expect(response.text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  test('the audit log is append-only and for admins only: no route edits or deletes an event', async () => {
    const recruiter = await signInAs(stack().api, 'recruiter');
    const admin = await signInAs(stack().api, 'admin');
    await recruiter.agent.get('/api/admin/audit/events').expect(403);
    const [first] = (await search(admin.agent, {})).events;
    for (const method of ['delete', 'put', 'patch'] as const) {
      const response = await admin.agent[method](`/api/admin/audit/events/${first!.id}`);
      expect([404, 405]).toContain(response.status);
    }
    expect([404, 405]).toContain((await admin.agent.delete("/api/admin/audit/events")).status);
    // The page-based list it replaced is gone: the search with cursors is the one way to read the log.
    expect((await admin.agent.get('/api/admin/audit')).status).toBe(404);
  });
});
