import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, identityProviderUrl, webUrl } from './support/demo-stack';
import { snap } from './support/screenshots';

test('"Sign in with SSO": a newcomer signs in at the demo identity provider, arrives provisioned, and signs out at the provider too', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: webUrl });
  const page = await context.newPage();
  await page.goto('/login');
  // The sign-in page is a chunk of its own: scan it once it is drawn, not the moment before.
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await snap(page, testInfo, 'sign-in page with SSO');

  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  await expect(page.getByRole('heading', { name: 'Demo identity provider' })).toBeVisible();
  expect(page.url().startsWith(identityProviderUrl)).toBe(true);
  await page.getByLabel('Email').fill('nina.newcomer@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await snap(page, testInfo, 'identity provider sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Interviews', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /Open profile menu/ })).toContainText('Nina Newcomer');
  await snap(page, testInfo, 'signed in by SSO');

  await page.getByRole('button', { name: /Open profile menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign out' })).toBeVisible();
  await snap(page, testInfo, 'identity provider sign-out');
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/login');
  await context.close();
});

test('someone in no group the CRM maps is refused with a page that says why', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: webUrl });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  await page.getByLabel('Email').fill('contractor@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your organisation has not given you access to the Interview CRM');
  await snap(page, testInfo, 'refused: not in a mapped group');
  await context.close();
});
