import { expect, test } from '@playwright/test';
import { people, simulatorControl } from './support/demo-stack';
import { ensureZoomConnected, openAccountSettings, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

/** Demo mode's mail sink web inbox (port chosen by playwright.config.ts). */
const inboxUrl = `http://127.0.0.1:${process.env.E2E_INBOX_PORT}/`;

/** A date-time-local value `hours` from now (the browser and this process share the machine's zone). */
function hoursAhead(hours: number): string {
  const date = new Date(Date.now() + hours * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:00`;
}

test('a needs-reconnect interviewer sees tomorrow\'s interview reminder, and an admin emails every unconnected interviewer a nudge', async ({ browser }, testInfo) => {
  // Iris's connection breaks (Zoom refuses her refresh token) just as an interview within 24 hours is scheduled.
  const iris = await openAs(browser, people.iris.email, testInfo, 'iris dashboard');
  await openAccountSettings(iris, testInfo);
  await ensureZoomConnected(iris, testInfo, people.iris);
  await simulatorControl(`/users/${people.iris.zoomUserId}/rotate-refresh-token`);
  await simulatorControl('/expire-access-tokens', { zoomUserId: people.iris.zoomUserId });
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const candidateName = `Katherine Johnson ${Date.now().toString(36)}`;
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.iris, start: hoursAhead(3) });

  await iris.goto('/');
  const banner = iris.getByRole('alert').filter({ hasText: 'Reconnect Zoom before your next interview' });
  await expect(banner.getByText(new RegExp(`Your interview with ${candidateName} (today|tomorrow) at .+ will be hosted on the system account`))).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Reconnect Zoom' })).toHaveAttribute('href', '/api/zoom/connect');
  await snap(iris, testInfo, 'interviewer reminder banner');

  const admin = await openAs(browser, people.admin.email, testInfo, 'admin dashboard');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Zoom connections' }).click();
  await admin.getByRole('button', { name: 'Email a reminder to connect Zoom' }).click();
  const dialog = admin.getByRole('alertdialog', { name: 'Email a reminder to connect Zoom?' });
  await snap(admin, testInfo, 'nudge confirmation');
  await dialog.getByRole('button', { name: 'Send reminder' }).click();
  await expect(admin.getByText(/^Reminder emailed to \d+ interviewers?\./)).toBeVisible();
  await expect(admin.getByRole('region', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'Connect-Zoom nudge sent' }).first()).toBeVisible();
  await snap(admin, testInfo, 'nudge sent');

  // Iris is one of them: the demo inbox has her nudge.
  const inbox = await admin.context().newPage();
  const row = inbox.getByRole('row').filter({ hasText: people.iris.email }).filter({ hasText: 'Please connect your Zoom account to Interview CRM' });
  await expect(async () => {
    await inbox.goto(inboxUrl);
    await expect(row).toHaveCount(1);
  }).toPass({ timeout: 20_000 });
  await snap(inbox, testInfo, 'demo inbox with the nudge');
});
