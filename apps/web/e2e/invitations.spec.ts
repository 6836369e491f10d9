import { expect, test } from '@playwright/test';
import { people } from './support/demo-stack';
import { daysAhead, openAccountSettings, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

/** Demo mode's mail sink web inbox (port chosen by playwright.config.ts). */
const inboxUrl = `http://127.0.0.1:${process.env.E2E_INBOX_PORT}/`;

test('when a recruiter schedules an interview, the demo inbox shows the candidate\'s invitation and its invite downloads as a calendar file', async ({ browser }, testInfo) => {
  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const candidateName = `Grace Hopper ${Date.now().toString(36)}`;
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.iris, start: daysAhead(8) });

  const inbox = await recruiter.context().newPage();
  const candidateAddress = `${candidateName.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@candidates.example`;
  const row = inbox.getByRole('row').filter({ hasText: candidateAddress });
  // The outbox worker sends within a couple of seconds; the inbox is a plain page, so reload until it is there.
  await expect(async () => {
    await inbox.goto(inboxUrl);
    await expect(row).toHaveCount(1);
  }).toPass({ timeout: 20_000 });
  await expect(inbox.getByRole('heading', { name: 'Demo inbox' })).toBeVisible();
  await snap(inbox, testInfo, 'demo inbox with the invitation');

  await row.getByRole('link', { name: 'Invitation: Interview for Backend Engineer' }).click();
  await expect(inbox.getByRole('heading', { name: 'Invitation: Interview for Backend Engineer' })).toBeVisible();
  await expect(inbox.getByText(/Join Zoom meeting: https?:\/\//)).toBeVisible();
  const inviteLink = inbox.getByRole('link', { name: 'invite.ics' });
  await expect(inviteLink).toBeVisible();
  await snap(inbox, testInfo, 'invitation email with its invite');

  const invite = await inbox.request.get(new URL((await inviteLink.getAttribute('href'))!, inboxUrl).toString());
  expect(invite.headers()['content-type']).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/);
  const ics = await invite.text();
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain('METHOD:REQUEST');
  expect(ics.replace(/\r\n[ \t]/g, '')).toContain(candidateName);

  // Admins see the same email, delivered, in the outbox list.
  const admin = await openAs(browser, people.admin.email, testInfo, 'admin dashboard');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Zoom connections' }).click();
  const outbox = admin.getByRole('region', { name: 'Outgoing email messages' });
  await expect(outbox.getByRole('row').filter({ hasText: candidateAddress }).getByText('Sent', { exact: true })).toBeVisible();
  await snap(admin, testInfo, 'admin outgoing email');
});

test('an interviewer makes, copies and regenerates a calendar link in Account Settings; the old link answers 404', async ({ browser }, testInfo) => {
  const page = await openAs(browser, people.iris.email, testInfo, 'interviewer dashboard');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAccountSettings(page, testInfo);
  const card = page.getByRole('region', { name: 'Calendar subscription' });
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: /^(Create calendar link|Make a new link)$/ }).click();
  const field = card.getByLabel('Your calendar link');
  await expect(field).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const firstUrl = await field.inputValue();
  await card.getByRole('button', { name: 'Copy link' }).click();
  await expect(card.getByText('Calendar link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstUrl);
  await snap(page, testInfo, 'calendar link made and copied');

  const feed = await page.request.get(firstUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);

  await card.getByRole('button', { name: 'Make a new link' }).click();
  await expect(field).not.toHaveValue(firstUrl);
  const secondUrl = await field.inputValue();
  expect(secondUrl).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await snap(page, testInfo, 'calendar link regenerated');
  expect((await page.request.get(firstUrl)).status()).toBe(404);
  expect((await page.request.get(secondUrl)).status()).toBe(200);

  await page.reload();
  await expect(card.getByText(/A calendar link is active/)).toBeVisible();
  await expect(card.getByLabel('Your calendar link')).toHaveCount(0);
  await card.getByRole('button', { name: 'Revoke link' }).click();
  await expect(card.getByText('Calendar link revoked.', { exact: false })).toBeVisible();
  expect((await page.request.get(secondUrl)).status()).toBe(404);
  await snap(page, testInfo, 'calendar link revoked');
});
