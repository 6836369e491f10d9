import { expect, test } from '@playwright/test';
import { people } from './support/demo-stack';
import { daysAhead, ensureZoomConnected, interviewItem, openAccountSettings, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

test("an interviewer starts the meeting from the dashboard: the link goes through the CRM's /start and lands on Zoom's host page", async ({ browser }, testInfo) => {
  const interviewer = await openAs(browser, people.ivy.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.ivy);

  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const candidateName = 'Margaret Hamilton';
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.ivy, start: daysAhead(5) });
  await expect(interviewItem(recruiter, candidateName).getByRole('link', { name: /Start meeting/ })).toHaveCount(0);

  await interviewer.goto('/');
  const start = interviewItem(interviewer, candidateName).getByRole('link', { name: /Start meeting as host/ });
  await expect(start).toHaveAttribute('href', /^\/api\/interviews\/[^/]+\/start$/);
  await snap(interviewer, testInfo, 'interviewer dashboard with start link');

  const [hostPage] = await Promise.all([interviewer.context().waitForEvent('page'), start.click()]);
  await hostPage.waitForLoadState();
  await expect(hostPage.getByRole('heading', { name: 'Starting meeting as host' })).toBeVisible();
  expect(hostPage.url()).toMatch(/\/s\/\d+\?zak=/);
  await snap(hostPage, testInfo, 'zoom host page');
});
