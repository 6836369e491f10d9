import { expect, test } from '@playwright/test';
import { people, webUrl } from './support/demo-stack';
import { daysAhead, openAs } from './support/flows';
import { snap } from './support/screenshots';

test('the interview page shows everything typed, the meeting with a copyable join link and passcode, and its history; a reschedule there is added to the history', async ({
  browser,
}, testInfo) => {
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  await recruiter.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webUrl });
  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  const typed = {
    candidateName: 'Emmy Noether',
    candidateEmail: 'emmy.noether@candidates.example',
    position: 'Algebraist',
    agenda: 'Rings, ideals and a short whiteboard exercise',
    notes: 'Referred by Hilbert; ask about Erlangen',
  };
  await form.getByLabel('Candidate name').fill(typed.candidateName);
  await form.getByLabel('Candidate email').fill(typed.candidateEmail);
  await form.getByLabel('Position').fill(typed.position);
  await form.getByRole('checkbox', { name: new RegExp(people.ian.name) }).check();
  await form.getByLabel('Date and time').fill(daysAhead(30, '11:00'));
  await form.getByLabel('Search time zones').fill('Kolkata');
  await form.getByLabel('Duration (minutes)').fill('45');
  await form.getByLabel('Agenda (optional)').fill(typed.agenda);
  await form.getByLabel('Internal notes (optional)').fill(typed.notes);
  await form.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(form.getByText('Interview scheduled')).toBeVisible();

  await recruiter.getByRole('region', { name: 'Upcoming interviews' }).getByRole('link', { name: typed.candidateName, exact: true }).click();
  await expect(recruiter.getByRole('heading', { level: 1, name: new RegExp(typed.candidateName) })).toBeVisible();
  await expect(recruiter).toHaveURL(/\/interviews\/[^/]+$/);
  const page = recruiter.locator('.interview-details');
  for (const text of Object.values(typed)) await expect(page).toContainText(text);
  await expect(page).toContainText(people.ian.name);
  await expect(page).toContainText('11:00');
  await expect(page).toContainText('(Asia/Kolkata)');
  await expect(page).toContainText('System account');
  await expect(page).toContainText('The interviewer has not connected Zoom');
  await expect(page).toContainText('Scheduled in Zoom');
  await expect(page.locator('dd code')).toHaveText(/\S+/);
  const joinLink = page.locator('a.join-url');
  const joinUrl = await joinLink.getAttribute('href');
  expect(joinUrl).toMatch(/^https?:\/\//);
  await page.getByRole('button', { name: 'Copy join link' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await recruiter.evaluate(() => navigator.clipboard.readText())).toBe(joinUrl);
  const history = recruiter.getByRole('region', { name: 'History' });
  await expect(history).toContainText(`Scheduled by ${people.recruiter.name}`);
  await snap(recruiter, testInfo, 'interview page');

  await page.getByRole('button', { name: 'Reschedule' }).click();
  await page.getByLabel('Duration (minutes)').fill('60');
  await page.getByRole('button', { name: 'Save new time' }).click();
  await recruiter.getByRole('alertdialog').getByRole('button', { name: 'Reschedule' }).click();
  await expect(page).toContainText('60 min');
  await expect(history).toContainText(`Changed by ${people.recruiter.name}`);
  await expect(history).toContainText('duration (min): 45 → 60');
  await snap(recruiter, testInfo, 'interview page after a reschedule');
});
