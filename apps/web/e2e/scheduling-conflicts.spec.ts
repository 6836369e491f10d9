import { expect, test } from '@playwright/test';
import { people } from './support/demo-stack';
import { daysAhead, interviewItem, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

test('booking an interviewer who already has an interview then shows the clash; the recruiter confirms and both are scheduled', async ({ browser }, testInfo) => {
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  // Unique per run: specs share one stack, and other specs' candidates must not match these names.
  const run = Date.now().toString(36);
  const first = `Annie Easley ${run}`;
  await scheduleInterview(recruiter, testInfo, { candidateName: first, interviewer: people.ian, start: daysAhead(20, '09:00') });

  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  const second = `Dorothy Vaughan ${run}`;
  await form.getByLabel('Candidate name').fill(second);
  await form.getByLabel('Candidate email').fill(`dorothy.vaughan.${run}@candidates.example`);
  await form.getByLabel('Position').fill('Mathematician');
  await form.getByRole('checkbox', { name: new RegExp(people.ian.name) }).check();
  await form.getByLabel('Date and time').fill(daysAhead(20, '09:30'));
  await form.getByLabel('Duration (minutes)').fill('45');
  // The picker already says so before anything is sent.
  await expect(form.getByRole('checkbox', { name: new RegExp(people.ian.name) })).toHaveAccessibleDescription(/Has another interview at the chosen time/);
  await form.getByRole('button', { name: 'Schedule interview' }).click();

  const warning = form.getByRole('alert').filter({ hasText: 'This time overlaps another interview' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(first);
  await expect(warning).toContainText(`with ${people.ian.name}`);
  await expect(warning).toContainText('same interviewer');
  await expect(interviewItem(recruiter, second)).toHaveCount(0);
  await snap(recruiter, testInfo, 'conflict warning');

  await warning.getByRole('button', { name: 'Schedule anyway' }).click();
  await expect(form.getByText('Interview scheduled')).toBeVisible();
  await expect(interviewItem(recruiter, second)).toBeVisible();
  await expect(interviewItem(recruiter, first)).toBeVisible();
  await snap(recruiter, testInfo, 'both interviews scheduled after confirming');
});
