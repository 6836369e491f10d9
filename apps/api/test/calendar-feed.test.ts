/**
 * Each interviewer's subscribable calendar: a secret URL (256 random bits, stored hashed) that calendar
 * apps fetch without a session; regenerating or revoking it retires the old URL at once.
 */
import { parseIcs } from './support/parse-ics';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';
import { signInAs } from './support/start-test-api';
import { rawMemoryStoreText, useTestStack } from './support/start-test-stack';

const DAY = 24 * 60 * 60_000;

describe('calendar feed per interviewer', () => {
  const stack = useTestStack({ env: S2S_ENV });

  const feedPath = (url: string) => new URL(url).pathname;
  const fetchFeed = (url: string) => fetch(`${stack().api.url}${feedPath(url)}`);

  test('the feed URL carries 256 random bits, is stored only as a hash, and answers without a session with the interviewer\'s interviews', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id));
    const before = await interviewer.agent.get('/api/calendar-feed').expect(200);
    expect(before.body).toEqual({ active: false, createdAt: null });

    const created = await interviewer.agent.post('/api/calendar-feed').expect(200);

    const url = created.body.url as string;
    expect(url).toMatch(/^http:\/\/localhost:5173\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const secret = /calendar\/([^.]+)\.ics$/.exec(url)![1]!;
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(rawMemoryStoreText(stack().api.store)).not.toContain(secret);
    expect((await interviewer.agent.get('/api/calendar-feed').expect(200)).body).toEqual({ active: true, createdAt: created.body.createdAt });

    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const feed = parseIcs(await response.text());
    expect(feed.method).toBeUndefined();
    expect(feed.events.map((event) => event.uid)).toEqual([expect.stringMatching(new RegExp(`^${interview.id}@`))]);
    expect(feed.event.location).toBe(interview.meeting.joinUrl);
    const unfolded = feed.raw.replace(/\r\n[ \t]/g, '');
    const startUrl = stack().zoom.control.meetings().find((meeting) => String(meeting.id) === interview.meeting.zoomMeetingId)!.start_url;
    expect(unfolded).not.toContain(startUrl);
  });

  test('it lists upcoming interviews and those of the last 30 days, only the interviewer\'s own, not cancelled ones, under the invitation\'s UID and SEQUENCE', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const someoneElse = await signInAs(stack().api, 'interviewer');
    const recruiter = await signInAs(stack().api, 'recruiter');
    const soon = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { startTime: new Date(Date.now() + 3 * DAY).toISOString() }))).interview;
    const later = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { startTime: new Date(Date.now() + 60 * DAY).toISOString() }))).interview;
    const dropped = (await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { startTime: new Date(Date.now() + 61 * DAY).toISOString() }))).interview;
    await scheduleOverHttp(recruiter.agent, interviewRequest(someoneElse.user.id));
    await recruiter.agent.delete(`/api/interviews/${dropped.id}`).expect(200);
    await recruiter.agent.patch(`/api/interviews/${later.id}`).send({ durationMinutes: 60 }).expect(200);
    const { url } = (await interviewer.agent.post('/api/calendar-feed').expect(200)).body as { url: string };

    stack().api.clock.advance(20 * DAY);
    const twentyDaysOn = parseIcs(await (await fetchFeed(url)).text());
    stack().api.clock.advance(20 * DAY);
    const fortyDaysOn = parseIcs(await (await fetchFeed(url)).text());

    const ids = (feed: ReturnType<typeof parseIcs>) => feed.events.map((event) => event.uid.split('@')[0]);
    expect(ids(twentyDaysOn)).toEqual([soon.id, later.id]);
    expect(ids(fortyDaysOn)).toEqual([later.id]);
    expect(Number(fortyDaysOn.event.sequence)).toBe(1);
  });

  test('regenerating retires the old URL at once (404) and revoking retires the current one', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    const first = (await interviewer.agent.post('/api/calendar-feed').expect(200)).body.url as string;
    const second = (await interviewer.agent.post('/api/calendar-feed').expect(200)).body.url as string;

    expect(second).not.toBe(first);
    const old = await fetchFeed(first);
    expect(old.status).toBe(404);
    expect(((await old.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await fetchFeed(second)).status).toBe(200);

    await interviewer.agent.delete('/api/calendar-feed').expect(204);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await interviewer.agent.get('/api/calendar-feed').expect(200)).body).toEqual({ active: false, createdAt: null });
  });

  test('a malformed secret is a 400, an unknown one a 404, and only interviewers manage a feed', async () => {
    const recruiter = await signInAs(stack().api, 'recruiter');

    expect((await fetch(`${stack().api.url}/api/calendar/not-a-secret.ics`)).status).toBe(400);
    expect((await fetch(`${stack().api.url}/api/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    await recruiter.agent.post('/api/calendar-feed').expect(403);
    expect((await fetch(`${stack().api.url}/api/calendar-feed`)).status).toBe(401);
  });
});
