import { expect, test } from '@playwright/test';
import { people } from './support/demo-stack';
import { daysAhead, interviewItem, openAs } from './support/flows';
import { snap } from './support/screenshots';

test('the zone search finds "Kolkata" and "UTC"; an interview in Kolkata shows the viewer\'s time with Kolkata\'s beside it', async ({ browser }, testInfo) => {
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  const search = form.getByLabel('Search time zones');
  const zone = form.getByLabel('Time zone', { exact: true });

  await search.fill('UTC');
  await expect(zone).toHaveValue('UTC');
  await expect(zone.locator('option', { hasText: 'UTC (UTC+00:00)' })).toHaveCount(1);
  await search.fill('Kolkata');
  await expect(zone).toHaveValue('Asia/Kolkata');
  await expect(zone.locator('option', { hasText: 'Asia/Kolkata (UTC+05:30)' })).toHaveCount(1);
  await snap(recruiter, testInfo, 'zone search found Kolkata');

  const candidateName = 'Srinivasa Ramanujan';
  await form.getByLabel('Candidate name').fill(candidateName);
  await form.getByLabel('Candidate email').fill('ramanujan@candidates.example');
  await form.getByLabel('Position').fill('Mathematician');
  await form.getByRole('checkbox', { name: new RegExp(people.iris.name) }).check();
  await form.getByLabel('Date and time').fill(daysAhead(25, '15:00'));
  await form.getByLabel('Duration (minutes)').fill('7');
  await form.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(form.getByLabel('Duration (minutes)')).toHaveAccessibleDescription(/steps of 5 minutes/);
  await form.getByLabel('Duration (minutes)').fill('30');
  await form.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(form.getByText('Interview scheduled')).toBeVisible();
  // The next interview starts in the viewer's zone again, not Kolkata.
  await expect(zone).not.toHaveValue('Asia/Kolkata');

  const item = interviewItem(recruiter, candidateName);
  await expect(item).toContainText('in Asia/Kolkata');
  await expect(item).toContainText('3:00');
  await snap(recruiter, testInfo, 'interview with both zones');
});
