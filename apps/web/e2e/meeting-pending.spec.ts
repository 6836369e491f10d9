import { expect, test } from '@playwright/test';
import { clearSimulatorFaults, injectSimulatorFault, people, simulatorMeetings } from './support/demo-stack';
import { daysAhead, interviewItem, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

test('when Zoom is down as the recruiter schedules, the meeting shows pending, and once Zoom is back it turns scheduled on screen without a reload', async ({
  browser,
}, testInfo) => {
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  let navigations = 0;
  recruiter.on('framenavigated', (frame) => {
    if (frame === recruiter.mainFrame()) navigations += 1;
  });
  // Gone on any reload: proves the page that shows "scheduled" is the one that showed "pending".
  await recruiter.evaluate(() => Object.assign(window, { samePageMarker: 'still here' }));

  // Unique per run, so repeated runs against one stack never find an earlier interview.
  const candidateName = `Katherine Johnson ${Date.now().toString(36)}`;
  await injectSimulatorFault({ endpoint: 'meetings.create', status: 503 });
  try {
    await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.ian, start: daysAhead(6) });
    const form = recruiter.getByRole('form', { name: 'Schedule interview' });
    await expect(form.getByText(/Zoom did not answer yet/)).toBeVisible();
    const item = interviewItem(recruiter, candidateName);
    await expect(item.getByText('Meeting pending')).toBeVisible();
    await expect(item.getByText('No join link yet')).toBeVisible();
    await snap(recruiter, testInfo, 'meeting pending while zoom is down');
  } finally {
    // Zoom recovers; other tests share this simulator.
    await clearSimulatorFaults();
  }

  // The worker (every second in the test stack) creates it; the list polls while anything is pending.
  const item = interviewItem(recruiter, candidateName);
  await expect(item.getByText('Meeting pending')).toBeHidden({ timeout: 20_000 });
  const joinLink = item.getByRole('link', { name: /Join link/ });
  await expect(joinLink).toHaveAttribute('href', /^https?:\/\//);
  // Whichever account hosts it (Ian may be connected by an earlier spec on this shared stack), the badge says so.
  await expect(item.getByText(/^(System account|Interviewer's Zoom)$/)).toBeVisible();
  await snap(recruiter, testInfo, 'meeting scheduled without a reload');

  expect(navigations, 'no reload and no navigation happened').toBe(0);
  expect(await recruiter.evaluate(() => (window as unknown as { samePageMarker?: string }).samePageMarker)).toBe('still here');
  const joinUrl = await joinLink.getAttribute('href');
  expect((await simulatorMeetings()).some((meeting) => meeting.join_url === joinUrl && !meeting.deleted)).toBe(true);
});
