import { expect, test } from '@playwright/test';
import { daysAhead, interviewItem, openAs, scheduleInterview } from './support/flows';
import { people } from './support/demo-stack';
import { snap } from './support/screenshots';

test("the audit log filtered to one interview tells its whole history in sentences, and fits at 1280 and 375 px", async ({ browser }, testInfo) => {
  const candidateName = `Grace Hopper ${Date.now() % 100000}`;
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.iris, start: daysAhead(9, '10:00') });

  const item = interviewItem(recruiter, candidateName);
  await item.getByRole('button', { name: /^Reschedule/ }).click();
  const reschedule = item.getByRole('form', { name: `Reschedule ${candidateName}` });
  await reschedule.getByLabel(/New date and time/).fill(daysAhead(9, '11:00'));
  await reschedule.getByRole('button', { name: 'Save new time' }).click();
  await recruiter.getByRole('alertdialog', { name: `Reschedule ${candidateName}?` }).getByRole('button', { name: 'Reschedule' }).click();
  await expect(reschedule).toBeHidden();
  await item.getByRole('button', { name: /Cancel interview/ }).click();
  await recruiter.getByRole('alertdialog', { name: `Cancel the interview with ${candidateName}?` }).getByRole('button', { name: 'Cancel interview' }).click();
  await expect(interviewItem(recruiter, candidateName)).toHaveCount(0);

  const admin = await openAs(browser, people.admin.email, testInfo, 'admin dashboard');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Zoom connections' }).click();
  const audit = admin.getByRole('region', { name: 'Audit log' });
  await audit.getByLabel('Events', { exact: true }).selectOption('interviews');
  const scheduledRow = audit.getByRole('row').filter({ hasText: 'Interview scheduled' }).filter({ hasText: candidateName });
  await expect(scheduledRow).toBeVisible();
  await scheduledRow.getByRole('button', { name: 'This interview’s history' }).click();
  await expect(audit.getByText('Showing one interview’s history.')).toBeVisible();

  const rows = audit.getByRole('table', { name: 'Audit events' }).getByRole('row');
  await expect(rows).toHaveCount(5); // header + scheduled, fallback, rescheduled, cancelled
  const story = (await rows.allInnerTexts()).slice(1).reverse().join('\n');
  expect(story).toMatch(new RegExp(`Rita Recruiter scheduled ${candidateName}'s interview for Backend Engineer with Iris Third .* at .*10:00`));
  expect(story).toMatch(new RegExp(`hosted on the organisation's Zoom account because the interviewer has not connected Zoom`));
  expect(story).toMatch(new RegExp(`Rita Recruiter rescheduled ${candidateName}'s interview from .*10:00 to .*11:00 \\(`));
  expect(story).toMatch(new RegExp(`Rita Recruiter cancelled ${candidateName}'s interview planned for .*11:00`));
  await snap(admin, testInfo, 'one interview history at 1280px');
  const overflow = () => admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  await admin.setViewportSize({ width: 375, height: 800 });
  await expect(rows).toHaveCount(5);
  await snap(admin, testInfo, 'one interview history at 375px');
  expect(await overflow()).toBeLessThanOrEqual(0);
  // The sentence column is readable, not squeezed: wider than half the screen.
  const sentenceWidth = await rows.nth(1).locator('td.audit-what').evaluate((cell) => cell.getBoundingClientRect().width);
  expect(sentenceWidth).toBeGreaterThan(180);
});
