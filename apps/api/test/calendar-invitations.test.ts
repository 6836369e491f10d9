/**
 * Calendar invitations (RFC 5545 / iTIP RFC 5546): every .ics the API serves is read back with
 * node-ical, an independent parser, and checked against the interview it describes.
 */
import type { Agent } from 'supertest';
import { icsLine, icsText, parseIcs, wallClock } from './support/parse-ics';
import { interviewRequest, S2S_ENV, scheduleOverHttp } from './support/meeting-test-helpers';
import { signInAs } from './support/start-test-api';
import { connectZoom, SIMULATED_INTERVIEWER, useTestStack } from './support/start-test-stack';

async function invite(agent: Agent, interviewId: string) {
  const response = await agent.get(`/api/interviews/${interviewId}/invite.ics`);
  expect(response.status).toBe(200);
  return { response, ...parseIcs(response.text) };
}

const paramsOf = (property: unknown) => (property as { params: Record<string, string>; val: string });
const attendeesOf = (event: { attendee?: unknown }) => ([] as unknown[]).concat(event.attendee ?? []).map(paramsOf);

describe('calendar invitations (.ics)', () => {
  const stack = useTestStack({ env: S2S_ENV });

  async function scheduled(overrides: Parameters<typeof interviewRequest>[1] = {}) {
    const recruiter = await signInAs(stack().api, 'recruiter');
    const interviewer = await signInAs(stack().api, 'interviewer');
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, overrides));
    return { recruiter, interviewer, interview };
  }

  test('a scheduled interview has a METHOD:REQUEST invite with UID, SEQUENCE 0, organizer, attendees, zone and the Zoom details', async () => {
    const { recruiter, interviewer, interview } = await scheduled();

    const { response, method, event, raw } = await invite(recruiter.agent, interview.id);

    expect(response.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/);
    expect(method).toBe('REQUEST');
    expect(event.uid).toMatch(new RegExp(`^${interview.id}@`));
    expect(Number(event.sequence)).toBe(0);
    expect(paramsOf(event.organizer).val.toLowerCase()).toBe(`mailto:${recruiter.user.email}`);
    const attendees = attendeesOf(event);
    expect(attendees.map((attendee) => attendee.val.toLowerCase()).sort()).toEqual([`mailto:${interview.candidateEmail}`, `mailto:${interviewer.user.email}`].sort());
    expect(attendees.every((attendee) => ['NEEDS-ACTION', 'ACCEPTED'].includes(attendee.params.PARTSTAT!))).toBe(true);
    expect(raw).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(icsLine(raw, 'DTSTART')).toBe(`DTSTART;TZID=Europe/Berlin:${wallClock(new Date(interview.startTime), 'Europe/Berlin')}`);
    expect(event.location).toBe(interview.meeting.joinUrl);
    expect(paramsOf(event.url).val).toBe(interview.meeting.joinUrl);
    const description = icsText(event.description);
    expect(description).toContain(interview.meeting.joinUrl!);
    expect(description.replace(/ /g, '')).toContain(interview.meeting.zoomMeetingId!);
    expect(description).toContain(`Passcode: ${interview.meeting.password}`);
    // The start link is a host credential and the notes are internal: neither is in any invite.
    const meetingAtZoom = stack().zoom.control.meetings().find((meeting) => String(meeting.id) === interview.meeting.zoomMeetingId)!;
    const unfolded = raw.replace(/\r\n[ \t]/g, '');
    expect(unfolded).not.toContain(meetingAtZoom.start_url);
    expect(unfolded).not.toContain('/s/');
    expect(response.text).not.toContain(interview.notes || 'no-notes-marker');
    expect(description).not.toMatch(/undefined|null/);
  });

  test.each(['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'])(
    'in %s the start and end round-trip exactly, written as wall-clock times in that zone',
    async (timeZone) => {
      const { recruiter, interview } = await scheduled({ timeZone, durationMinutes: 50 });

      const { event, raw } = await invite(recruiter.agent, interview.id);

      const start = new Date(interview.startTime);
      const end = new Date(start.getTime() + 50 * 60_000);
      expect((event.start as Date).toISOString()).toBe(start.toISOString());
      expect((event.end as Date).toISOString()).toBe(end.toISOString());
      expect((event.start as Date & { tz?: string }).tz).toBe(timeZone === 'UTC' ? 'Etc/UTC' : timeZone);
      // UTC needs no VTIMEZONE: it is written in the UTC form (RFC 5545 3.3.5, form #2).
      const written = (name: string, instant: Date) => (timeZone === 'UTC' ? `${name}:${wallClock(instant, timeZone)}Z` : `${name};TZID=${timeZone}:${wallClock(instant, timeZone)}`);
      expect(icsLine(raw, 'DTSTART')).toBe(written('DTSTART', start));
      expect(icsLine(raw, 'DTEND')).toBe(written('DTEND', end));
      if (timeZone !== 'UTC') expect(raw).toContain(`BEGIN:VTIMEZONE\r\nTZID:${timeZone}`);
      // DTSTAMP is always UTC (RFC 5545 3.8.7.2).
      expect(icsLine(raw, 'DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    },
  );

  test('a reschedule keeps the UID and raises the SEQUENCE; fetching again without a change keeps it', async () => {
    const { recruiter, interview } = await scheduled();
    const first = await invite(recruiter.agent, interview.id);
    const again = await invite(recruiter.agent, interview.id);
    expect(Number(again.event.sequence)).toBe(0);

    const newStart = new Date(new Date(interview.startTime).getTime() + 2 * 60 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const patched = await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ startTime: newStart, timeZone: 'America/New_York' });
    expect(patched.status).toBe(200);
    const rescheduled = await invite(recruiter.agent, interview.id);

    expect(rescheduled.event.uid).toBe(first.event.uid);
    expect(Number(rescheduled.event.sequence)).toBe(1);
    expect(rescheduled.method).toBe('REQUEST');
    expect((rescheduled.event.start as Date).toISOString()).toBe(new Date(newStart).toISOString());
    expect(icsLine(rescheduled.raw, 'DTSTART')).toBe(`DTSTART;TZID=America/New_York:${wallClock(new Date(newStart), 'America/New_York')}`);

    // A change the invitation does not show (internal notes) is not a new version.
    await recruiter.agent.patch(`/api/interviews/${interview.id}`).send({ notes: 'Strong on SQL' }).expect(200);
    expect(Number((await invite(recruiter.agent, interview.id)).event.sequence)).toBe(1);
  });

  test('a cancel is METHOD:CANCEL with STATUS:CANCELLED, the same UID and a higher SEQUENCE, and no join link', async () => {
    const { recruiter, interview } = await scheduled();
    const first = await invite(recruiter.agent, interview.id);

    await recruiter.agent.delete(`/api/interviews/${interview.id}`).expect(200);
    const cancelled = await invite(recruiter.agent, interview.id);

    expect(cancelled.response.headers['content-type']).toMatch(/method=CANCEL/);
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.event.uid).toBe(first.event.uid);
    expect(Number(cancelled.event.sequence)).toBeGreaterThan(Number(first.event.sequence));
    expect(cancelled.event.status).toBe('CANCELLED');
    expect(cancelled.raw).not.toContain(interview.meeting.joinUrl!);
  });

  test('the hiring team may download it; an interviewer only for their own interviews (someone else\'s is 404)', async () => {
    const { interviewer, interview } = await scheduled();
    const otherInterviewer = await signInAs(stack().api, 'interviewer');
    const admin = await signInAs(stack().api, 'admin');

    await interviewer.agent.get(`/api/interviews/${interview.id}/invite.ics`).expect(200);
    await admin.agent.get(`/api/interviews/${interview.id}/invite.ics`).expect(200);
    const foreign = await otherInterviewer.agent.get(`/api/interviews/${interview.id}/invite.ics`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('interview_not_found');
    const anonymous = await fetch(`${stack().api.url}/api/interviews/${interview.id}/invite.ics`);
    expect(anonymous.status).toBe(401);
  });

  test('when the host records automatically, the invite says so; hostile agenda text stays inside the description', async () => {
    const interviewer = await signInAs(stack().api, 'interviewer');
    expect((await connectZoom(interviewer.agent, { zoomUserId: SIMULATED_INTERVIEWER.id })).result).toBe('connected');
    await interviewer.agent.put('/api/zoom/meeting-defaults').send({ waitingRoom: true, autoRecording: 'cloud', joinBeforeHost: false, muteUponEntry: true }).expect(200);
    const recruiter = await signInAs(stack().api, 'recruiter');
    const agenda = 'Intro\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nATTENDEE:mailto:all@corp.example; <script>alert(1)</script>, "quotes"';
    const { interview } = await scheduleOverHttp(recruiter.agent, interviewRequest(interviewer.user.id, { agenda, candidateName: 'Zoë Ørsted-Łukasiewicz 山田', position: 'Engineer; lead, "platform"' }));
    expect(interview.meeting.hostSource).toBe('interviewer');

    const { events, event } = await invite(recruiter.agent, interview.id);

    expect(events).toHaveLength(1);
    expect(icsText(event.description)).toMatch(/recorded automatically/);
    expect(icsText(event.description)).toContain('<script>alert(1)</script>, "quotes"');
    expect(icsText(event.summary)).toBe('Interview: Zoë Ørsted-Łukasiewicz 山田 – Engineer; lead, "platform"');
  });
});
