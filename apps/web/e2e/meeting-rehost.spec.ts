import { expect, test } from '@playwright/test';
import { people, simulatorMeetings } from './support/demo-stack';
import { daysAhead, ensureZoomConnected, interviewItem, openAccountSettings, openAs, scheduleInterview, zoomCard } from './support/flows';
import { snap } from './support/screenshots';

test('disconnecting Zoom lists the upcoming interview it hosts, moves it to the System account, and the recruiter sees the join link changed', async ({ browser }, testInfo) => {
  const interviewer = await openAs(browser, people.iris.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.iris);
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const candidateName = 'Barbara Liskov';
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.iris, start: daysAhead(8) });
  await expect(interviewItem(recruiter, candidateName).getByText("Interviewer's Zoom")).toBeVisible();

  await zoomCard(interviewer).getByRole('button', { name: 'Disconnect' }).click();
  const dialog = interviewer.getByRole('alertdialog', { name: 'Disconnect Zoom?' });
  await expect(dialog.getByText(new RegExp(`${candidateName} · Backend Engineer`))).toBeVisible();
  await snap(interviewer, testInfo, 'disconnect confirmation listing the interview that moves');
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(zoomCard(interviewer).getByText('Not connected', { exact: true })).toBeVisible();

  await recruiter.reload();
  const item = interviewItem(recruiter, candidateName);
  await expect(item.getByText('System account', { exact: true })).toBeVisible();
  await expect(item.getByText(/Join link changed/)).toBeVisible();
  await snap(recruiter, testInfo, 'recruiter dashboard join link changed');
  const joinUrl = await item.getByRole('link', { name: /Join link/ }).getAttribute('href');
  expect((await simulatorMeetings(people.iris.zoomUserId)).filter((meeting) => !meeting.deleted)).toHaveLength(0);
  expect((await simulatorMeetings()).some((meeting) => meeting.join_url === joinUrl && !meeting.deleted)).toBe(true);
});
