import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/demo-stack';
import { openAs } from './support/flows';
import { snap } from './support/screenshots';

const rob = { email: 'recruiter2@example.com', name: 'Rob Recruiter' };

function accountRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'User accounts' }).getByRole('row').filter({ hasText: name });
}

test('an admin deactivates a user: their open session ends, they cannot sign in, and reactivation lets them back', async ({ browser }, testInfo) => {
  const robPage = await openAs(browser, rob.email, testInfo, 'rob dashboard');
  const admin = await openAs(browser, 'admin@example.com', testInfo, 'admin dashboard');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Zoom connections' }).click();
  await expect(accountRow(admin, rob.name).getByText('Active', { exact: true })).toBeVisible();
  await expect(accountRow(admin, 'Ada Admin').getByRole('button')).toHaveCount(0);

  await accountRow(admin, rob.name).getByRole('button', { name: /Deactivate/ }).click();
  const dialog = admin.getByRole('alertdialog', { name: `Deactivate ${rob.name}?` });
  await expect(dialog).toContainText('signed out everywhere');
  await snap(admin, testInfo, 'deactivate confirmation');
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(admin.getByText(`${rob.name} was deactivated`)).toBeVisible();
  await expect(accountRow(admin, rob.name).getByText('Deactivated', { exact: true })).toBeVisible();
  await snap(admin, testInfo, 'admin after deactivation');

  // Rob's next request is refused: the app sends him back to sign in, and signing in is refused too.
  await robPage.reload();
  await expect(robPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await robPage.getByLabel('Email').fill(rob.email);
  await robPage.getByLabel('Password').fill(DEMO_PASSWORD);
  await robPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(robPage.getByText(/deactivated/)).toBeVisible();
  await snap(robPage, testInfo, 'deactivated user cannot sign in');

  await accountRow(admin, rob.name).getByRole('button', { name: /Reactivate/ }).click();
  await expect(admin.getByText(`${rob.name} was reactivated`)).toBeVisible();
  const audit = admin.getByRole('region', { name: 'Audit log' });
  await expect(audit.getByRole('row').filter({ hasText: 'User deactivated' }).filter({ hasText: rob.email }).first()).toBeVisible();
  await snap(admin, testInfo, 'admin after reactivation');

  await robPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(robPage.getByRole('heading', { name: 'Interviews', level: 1 })).toBeVisible();
});
