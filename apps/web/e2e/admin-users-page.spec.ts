import { expect, test, type Page } from '@playwright/test';
import { people, webUrl } from './support/demo-stack';
import { openAs } from './support/flows';
import { snap } from './support/screenshots';

const inboxUrl = `http://127.0.0.1:${process.env.E2E_INBOX_PORT}/`;

function accountRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'User accounts' }).getByRole('row').filter({ hasText: name });
}

test('an admin invites a user (who sets a password from the emailed link), changes their role and deactivates them; each step is in the audit log', async ({ browser }, testInfo) => {
  const stamp = Date.now() % 100000;
  const invitee = { name: `Hedy Lamarr ${stamp}`, email: `hedy.${stamp}@example.com` };
  const admin = await openAs(browser, people.admin.email, testInfo, 'admin dashboard');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Zoom connections' }).click();

  await admin.getByRole('button', { name: 'Invite user' }).click();
  const form = admin.getByRole('form', { name: 'Invite a user' });
  await form.getByLabel('Name', { exact: true }).fill(invitee.name);
  await form.getByLabel('Email', { exact: true }).fill(invitee.email);
  await form.getByLabel('Role').selectOption('interviewer');
  await snap(admin, testInfo, 'invite form');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(admin.getByText(`${invitee.name} was invited: a set-password link is on its way to ${invitee.email}.`)).toBeVisible();
  await admin.getByLabel('Search users').fill(`hedy.${stamp}`);
  await expect(admin.getByRole('table', { name: 'User accounts' }).getByRole('row')).toHaveCount(2);
  await expect(accountRow(admin, invitee.name).getByRole('combobox', { name: `Role of ${invitee.name}` })).toHaveValue('interviewer');
  await snap(admin, testInfo, 'invited user found by search');

  // The invitee opens the emailed link, chooses a password and signs in with it.
  const inbox = await (await browser.newContext()).newPage();
  const row = inbox.getByRole('row').filter({ hasText: invitee.email });
  await expect(async () => {
    await inbox.goto(inboxUrl);
    await expect(row).toHaveCount(1);
  }).toPass({ timeout: 20_000 });
  await row.getByRole('link').first().click();
  const link = /http:\/\/localhost:\d+\/set-password\?token=[A-Za-z0-9._-]+/.exec(await inbox.content())?.[0];
  expect(link).toBeTruthy();
  const hedy = await (await browser.newContext({ baseURL: webUrl })).newPage();
  await hedy.goto(link!);
  await hedy.getByLabel('New password').fill('hedy-chooses-a-password-1');
  await snap(hedy, testInfo, 'set password page');
  await hedy.getByRole('button', { name: 'Set password' }).click();
  await expect(hedy.getByText('Your password is set')).toBeVisible();
  await hedy.getByRole('link', { name: 'Sign in' }).click();
  await hedy.getByLabel('Email').fill(invitee.email);
  await hedy.getByLabel('Password').fill('hedy-chooses-a-password-1');
  await hedy.getByRole('button', { name: 'Sign in' }).click();
  await expect(hedy.getByRole('heading', { name: 'Interviews', level: 1 })).toBeVisible();

  await accountRow(admin, invitee.name).getByRole('combobox', { name: `Role of ${invitee.name}` }).selectOption('recruiter');
  await expect(admin.getByText(`${invitee.name} is now Recruiter; they sign in again to use it.`)).toBeVisible();

  await accountRow(admin, invitee.name).getByRole('button', { name: /Deactivate/ }).click();
  await admin.getByRole('alertdialog', { name: `Deactivate ${invitee.name}?` }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(accountRow(admin, invitee.name).getByText('Deactivated', { exact: true })).toBeVisible();
  await snap(admin, testInfo, 'after role change and deactivation');

  const audit = admin.getByRole('region', { name: 'Audit log' });
  await audit.getByLabel('Events', { exact: true }).selectOption('users');
  await expect(audit.getByText(`Ada Admin invited ${invitee.name} (${invitee.email}) as interviewer with a set-password link.`)).toBeVisible();
  await expect(audit.getByText(`Ada Admin changed ${invitee.name} (${invitee.email})'s role from interviewer to recruiter.`)).toBeVisible();
  await expect(audit.getByText(`Ada Admin deactivated ${invitee.name} (${invitee.email}): signed out everywhere, Zoom disconnected.`)).toBeVisible();
  await snap(admin, testInfo, 'audit log of the user changes');
});
