import { expect, test } from '@playwright/test';
import { people, simulatorMeetings } from './support/demo-stack';
import {
  daysAhead,
  ensureZoomConnected,
  interviewItem,
  openAccountSettings,
  openAs,
  scheduleInterview,
  zoomCard,
} from './support/flows';
import { snap } from './support/screenshots';

test("a recruiter schedules with a connected interviewer: the dashboard shows the join link and Interviewer's Zoom, and Zoom holds the meeting under that interviewer", async ({
  browser,
}, testInfo) => {
  const interviewer = await openAs(browser, people.ivy.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.ivy);

  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  await expect(form.getByRole('checkbox', { name: new RegExp(people.ivy.name) })).toHaveAccessibleDescription(/Hosts on their own Zoom/);
  const candidateName = 'Grace Hopper';
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.ivy, start: daysAhead(3) });

  const item = interviewItem(recruiter, candidateName);
  await expect(item).toBeVisible();
  await expect(item.getByText("Interviewer's Zoom")).toBeVisible();
  const joinLink = item.getByRole('link', { name: /Join link/ });
  await expect(joinLink).toHaveAttribute('href', /^https?:\/\//);
  // Only the host gets the start link.
  await expect(item.getByRole('link', { name: /Start meeting/ })).toHaveCount(0);
  // Hidden is not enough: the start URL is a credential and must not reach a non-host's browser at all.
  const listed = await recruiter.request.get('/api/interviews', { params: { when: 'upcoming' } });
  expect(listed.ok()).toBe(true);
  expect(await listed.text()).not.toMatch(/startUrl|zak=/);
  await snap(recruiter, testInfo, 'recruiter dashboard with the new interview');

  const joinUrl = await joinLink.getAttribute('href');
  const meetings = await simulatorMeetings(people.ivy.zoomUserId);
  const meeting = meetings.find((candidate) => candidate.join_url === joinUrl);
  expect(meeting, 'the simulator holds the meeting under the interviewer’s Zoom user').toBeDefined();
  expect(meeting?.host_id).toBe(people.ivy.zoomUserId);
  expect(meeting?.deleted).toBeFalsy();

  // The interviewer sees it too, with the start link that only the host gets.
  await interviewer.goto('/');
  const own = interviewItem(interviewer, candidateName);
  await expect(own.getByRole('link', { name: /Start meeting as host/ })).toBeVisible();
  await snap(interviewer, testInfo, 'interviewer dashboard with start link');
});

test('after the interviewer disconnects Zoom, the recruiter\'s next interview is hosted on the System account with the reason', async ({
  browser,
}, testInfo) => {
  const interviewer = await openAs(browser, people.iris.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.iris);

  await zoomCard(interviewer).getByRole('button', { name: 'Disconnect' }).click();
  const dialog = interviewer.getByRole('alertdialog', { name: 'Disconnect Zoom?' });
  await snap(interviewer, testInfo, 'disconnect confirmation');
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(zoomCard(interviewer).getByText('Not connected', { exact: true })).toBeVisible();
  await snap(interviewer, testInfo, 'disconnected');

  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  await expect(form.getByRole('checkbox', { name: new RegExp(people.iris.name) })).toHaveAccessibleDescription(/System account will host/);
  const candidateName = 'Alan Turing';
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.iris, start: daysAhead(4) });

  const item = interviewItem(recruiter, candidateName);
  await expect(item.getByText('System account', { exact: true })).toBeVisible();
  await expect(item.getByText('The interviewer has not connected Zoom')).toBeVisible();
  await expect(item.getByRole('link', { name: /Join link/ })).toBeVisible();
  await snap(recruiter, testInfo, 'recruiter dashboard system account');

  const joinUrl = await item.getByRole('link', { name: /Join link/ }).getAttribute('href');
  expect((await simulatorMeetings(people.iris.zoomUserId)).some((meeting) => meeting.join_url === joinUrl)).toBe(false);
  expect((await simulatorMeetings()).some((meeting) => meeting.join_url === joinUrl)).toBe(true);

  // The interviewer is told their connection needs attention.
  await interviewer.goto('/');
  await expect(interviewer.getByText('Host interviews from your own Zoom')).toBeVisible();
  await snap(interviewer, testInfo, 'interviewer dashboard banner');
});
