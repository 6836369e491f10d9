import { expect, test, type Page } from '@playwright/test';
import { people, simulatorControl } from './support/demo-stack';
import { daysAhead, ensureZoomConnected, ensureZoomNotConnected, openAccountSettings, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

function userRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Zoom connections by user' }).getByRole('row').filter({ hasText: name });
}

test('an admin sees adoption and every state, force-disconnects a user, and the audit log records it', async ({ browser }, testInfo) => {
  // Arrange one interviewer in each state.
  const ivy = await openAs(browser, people.ivy.email, testInfo, 'ivy dashboard');
  await openAccountSettings(ivy, testInfo);
  await ensureZoomConnected(ivy, testInfo, people.ivy);

  const ian = await openAs(browser, people.ian.email, testInfo, 'ian dashboard');
  await openAccountSettings(ian, testInfo);
  await ensureZoomNotConnected(ian, testInfo);

  const iris = await openAs(browser, people.iris.email, testInfo, 'iris dashboard');
  await openAccountSettings(iris, testInfo);
  await ensureZoomConnected(iris, testInfo, people.iris);
  // Zoom stops accepting Iris's connection: her refresh token was used elsewhere and the access token is gone.
  await simulatorControl(`/users/${people.iris.zoomUserId}/rotate-refresh-token`);
  await simulatorControl('/expire-access-tokens', { zoomUserId: people.iris.zoomUserId });
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  await scheduleInterview(recruiter, testInfo, { candidateName: 'Ada Lovelace', interviewer: people.iris, start: daysAhead(5) });
  await snap(recruiter, testInfo, 'recruiter dashboard after fallback');

  // Act + assert as the admin.
  const admin = await openAs(browser, people.admin.email, testInfo, 'admin dashboard');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Zoom connections' }).click();
  await expect(admin.getByRole('heading', { name: 'Zoom connections', level: 1 })).toBeVisible();
  // Exactly one of the three (Ivy) hosts from her own Zoom: the numbers, not just the sentence.
  const adoption = admin.getByLabel('Zoom adoption');
  await expect(adoption.getByText('1 of 3 interviewers host from their own Zoom')).toBeVisible();
  await expect(adoption.getByText('33%')).toBeVisible();
  await expect(userRow(admin, people.ivy.name).getByText('Connected', { exact: true })).toBeVisible();
  await expect(userRow(admin, people.iris.name).getByText('Needs reconnect', { exact: true })).toBeVisible();
  await expect(userRow(admin, people.ian.name).getByText('Not connected', { exact: true })).toBeVisible();
  await snap(admin, testInfo, 'admin zoom connections');
  // The wide table scrolls inside its own box; the page itself never scrolls sideways.
  expect(await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await admin.getByLabel('Zoom state').selectOption('needs_reconnect');
  await expect(userRow(admin, people.iris.name)).toBeVisible();
  await expect(userRow(admin, people.ivy.name)).toHaveCount(0);
  await snap(admin, testInfo, 'admin filtered to needs reconnect');
  await admin.getByLabel('Zoom state').selectOption('all');

  await userRow(admin, people.ivy.name).getByRole('button', { name: /Force disconnect/ }).click();
  const dialog = admin.getByRole('alertdialog', { name: `Disconnect ${people.ivy.name}'s Zoom?` });
  await snap(admin, testInfo, 'force disconnect confirmation');
  await dialog.getByRole('button', { name: 'Force disconnect' }).click();
  await expect(admin.getByText(`${people.ivy.name}'s Zoom connection was disconnected`)).toBeVisible();
  await expect(userRow(admin, people.ivy.name).getByText('Not connected', { exact: true })).toBeVisible();

  const audit = admin.getByRole('region', { name: 'Audit log' });
  const entry = audit.getByRole('row').filter({ hasText: 'Zoom disconnected' }).filter({ hasText: people.ivy.email }).first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(people.admin.email);
  // The sentence names who forced it and on whom; the filter offers the newer kinds of event too.
  await expect(entry).toContainText(`${people.admin.name} force-disconnected ${people.ivy.name}`);
  await expect(audit.getByLabel('Events', { exact: true }).locator('option')).toContainText(['Zoom webhooks', 'Settings', 'Background jobs']);
  await snap(admin, testInfo, 'audit log shows the force disconnect');

  // Ivy sees the result in her own Account Settings.
  await ivy.reload();
  await expect(ivy.getByRole('region', { name: 'Zoom' }).getByText('Not connected', { exact: true })).toBeVisible();
  await snap(ivy, testInfo, 'ivy account settings after force disconnect');
});
