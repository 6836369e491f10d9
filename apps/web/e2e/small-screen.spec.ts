import { expect, test } from '@playwright/test';
import { people } from './support/demo-stack';
import { openAccountSettings, openAs } from './support/flows';
import { snap } from './support/screenshots';

test('at 375 px wide the app fits without sideways scrolling and the profile menu works from the keyboard', async ({ browser }, testInfo) => {
  const page = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  await page.setViewportSize({ width: 375, height: 800 });
  await snap(page, testInfo, 'dashboard at 375px');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  await openAccountSettings(page, testInfo);
  expect(await overflow()).toBeLessThanOrEqual(0);

  // Keyboard only, from the top of a fresh page: skip link first, then on to the profile menu.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Account Settings' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  const profile = page.getByRole('button', { name: /Open profile menu/ });
  for (let i = 0; i < 6 && !(await profile.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(profile).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Account Settings' })).toBeFocused();
  await snap(page, testInfo, 'profile menu open at 375px');
  await page.keyboard.press('Escape');
  await expect(profile).toBeFocused();
});

test('at 375 px wide the admin connections view (table, filters, audit log) fits without sideways scrolling', async ({ browser }, testInfo) => {
  const page = await openAs(browser, people.admin.email, testInfo, 'admin dashboard');
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  await page.getByRole('link', { name: 'Zoom connections' }).first().click();
  await expect(page.getByRole('heading', { name: 'Zoom connections', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await snap(page, testInfo, 'admin zoom connections at 375px');
  expect(await overflow()).toBeLessThanOrEqual(0);
});
