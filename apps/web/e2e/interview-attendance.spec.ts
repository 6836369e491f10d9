import { expect, test } from '@playwright/test';
import { people, simulatorMeetings, simulatorUrl } from './support/demo-stack';
import { daysAhead, ensureZoomConnected, interviewItem, openAccountSettings, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

/** A meeting action at the simulator's control API; answers with the events it sent and the participant acted for. */
async function inMeeting(meetingId: number, action: string, body: unknown = {}): Promise<{ participantId: string | null }> {
  const response = await fetch(`${simulatorUrl}/__sim/meetings/${meetingId}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${action} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { participantId: string | null };
}

async function candidateJoins(meetingId: number, guest: { name: string; email: string }): Promise<string> {
  const { participantId } = await inMeeting(meetingId, 'guest-join', guest);
  const participants = (await (await fetch(`${simulatorUrl}/__sim/meetings/${meetingId}/participants`)).json()) as Array<{ participantId: string; where: string }>;
  // The CRM's meetings use the waiting room: the host admits the candidate.
  if (participants.find((p) => p.participantId === participantId)?.where === 'waiting_room') await inMeeting(meetingId, `participants/${participantId}/admit`);
  return participantId!;
}

test('the interviewer hosts, the candidate joins and leaves, the meeting ends: the dashboard shows Completed; where only the host came, Candidate no-show', async ({
  browser,
}, testInfo) => {
  const interviewer = await openAs(browser, people.ivy.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.ivy);
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');

  // Other specs share this demo instance and its candidates' names: these are this run's own.
  const run = String(Date.now()).slice(-6);
  const attended = `Ada Lovelace ${run}`;
  const absent = `Charles Babbage ${run}`;
  await scheduleInterview(recruiter, testInfo, { candidateName: attended, interviewer: people.ivy, start: daysAhead(5) });
  await scheduleInterview(recruiter, testInfo, { candidateName: absent, interviewer: people.ivy, start: daysAhead(6) });
  const meetingOf = async (name: string) => {
    const joinUrl = await interviewItem(recruiter, name).getByRole('link', { name: /Join link/ }).getAttribute('href');
    return (await simulatorMeetings(people.ivy.zoomUserId)).find((m) => m.join_url === joinUrl)!.id;
  };
  const attendedMeeting = await meetingOf(attended);
  const absentMeeting = await meetingOf(absent);

  await inMeeting(attendedMeeting, 'host-join');
  // The email scheduleInterview gave the candidate, so the CRM recognises them by email.
  const candidate = await candidateJoins(attendedMeeting, { name: attended, email: `${attended.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@candidates.example` });
  await recruiter.reload();
  await expect(interviewItem(recruiter, attended).getByText('Live', { exact: true })).toBeVisible();
  await snap(recruiter, testInfo, 'dashboard with a live interview');
  await inMeeting(attendedMeeting, `participants/${candidate}/leave`);
  await inMeeting(attendedMeeting, 'end');

  await inMeeting(absentMeeting, 'host-join');
  await inMeeting(absentMeeting, 'end');

  await recruiter.reload();
  await expect(interviewItem(recruiter, attended).getByText('Completed', { exact: true })).toBeVisible();
  await expect(interviewItem(recruiter, absent).getByText('Candidate no-show', { exact: true })).toBeVisible();
  await snap(recruiter, testInfo, 'dashboard with completed and no-show interviews');
});
