import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { DEMO_PASSWORD, webUrl, type Interviewer } from './demo-stack';
import { signedInState } from './signed-in-state';
import { snap } from './screenshots';

/**
 * A fresh browser context per person, so sessions never mix; signed in through the API (the sign-in page is
 * what openAsThroughSignInPage and the sign-in specs drive), then the dashboard loaded.
 */
export async function openAs(browser: Browser, email: string, testInfo: TestInfo, what = 'signed in'): Promise<Page> {
  const context = await browser.newContext({ baseURL: webUrl, storageState: await signedInState(email) });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Interviews', level: 1 })).toBeVisible();
  await snap(page, testInfo, what);
  return page;
}

/** As openAs, through the sign-in page: for a test about what signing in leaves behind (focus on the dashboard heading). */
export async function openAsThroughSignInPage(browser: Browser, email: string, testInfo: TestInfo, what = 'signed in'): Promise<Page> {
  const context = await browser.newContext({ baseURL: webUrl });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await snap(page, testInfo, 'sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Interviews', level: 1 })).toBeVisible();
  await snap(page, testInfo, what);
  return page;
}

/** The design note's path: profile menu → Account Settings. */
export async function openAccountSettings(page: Page, testInfo: TestInfo): Promise<void> {
  await page.getByRole('button', { name: /Open profile menu/ }).click();
  await page.getByRole('menuitem', { name: 'Account Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Account Settings' })).toBeVisible();
  const zoom = page.getByRole('region', { name: 'Zoom' });
  // Interviewers see their connection; recruiters and admins, who host nothing, see why they have none.
  await expect(zoom.getByText(/^(Connected|Not connected|Needs reconnect)$/).or(zoom.getByText(/^Only interviewers connect Zoom/))).toBeVisible();
  await snap(page, testInfo, 'account settings');
}

export function zoomCard(page: Page) {
  return page.getByRole('region', { name: 'Zoom' });
}

/** Connect Zoom → the simulator's consent page → Authorize (or Deny) as the given Zoom user. */
export async function goThroughZoomConsent(
  page: Page,
  testInfo: TestInfo,
  zoomName: string,
  decision: 'Authorize' | 'Deny',
  button: 'Connect Zoom' | 'Reconnect' = 'Connect Zoom',
): Promise<void> {
  await zoomCard(page).getByRole('link', { name: button }).click();
  await expect(page.getByRole('heading', { name: 'Zoom — Authorize app' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(zoomName) }).check();
  await snap(page, testInfo, 'zoom consent page');
  await page.getByRole('button', { name: decision }).click();
  await expect(page.getByRole('heading', { name: 'Account Settings' })).toBeVisible();
}

/** Tests share one demo stack; each one puts the interviewer's Zoom connection where it needs it. */
export async function ensureZoomNotConnected(page: Page, testInfo: TestInfo): Promise<void> {
  const card = zoomCard(page);
  if (await card.getByText('Not connected', { exact: true }).isVisible()) return;
  await card.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByRole('alertdialog', { name: 'Disconnect Zoom?' }).getByRole('button', { name: 'Disconnect' }).click();
  await expect(card.getByText('Not connected', { exact: true })).toBeVisible();
  await snap(page, testInfo, 'zoom disconnected');
}

export async function ensureZoomConnected(page: Page, testInfo: TestInfo, person: Interviewer): Promise<void> {
  const card = zoomCard(page);
  if (await card.getByText('Connected', { exact: true }).isVisible()) return;
  const button = (await card.getByRole('link', { name: 'Reconnect' }).isVisible()) ? 'Reconnect' : 'Connect Zoom';
  await goThroughZoomConsent(page, testInfo, person.zoomName, 'Authorize', button);
  await expect(card.getByText('Connected', { exact: true })).toBeVisible();
  await snap(page, testInfo, 'zoom connected');
}

/** A date-time-local value a few days ahead, so the interview is upcoming. */
export function daysAhead(days: number, time = '10:00'): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${time}`;
}

/** Fills and submits the dashboard's Schedule interview form as a recruiter. */
export async function scheduleInterview(
  page: Page,
  testInfo: TestInfo,
  input: { candidateName: string; interviewer: Interviewer; start: string },
): Promise<void> {
  const form = page.getByRole('form', { name: 'Schedule interview' });
  await form.getByLabel('Candidate name').fill(input.candidateName);
  await form.getByLabel('Candidate email').fill(`${input.candidateName.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@candidates.example`);
  await form.getByLabel('Position').fill('Backend Engineer');
  await form.getByRole('checkbox', { name: new RegExp(input.interviewer.name) }).check();
  await form.getByLabel('Date and time').fill(input.start);
  await form.getByLabel('Duration (minutes)').fill('45');
  await snap(page, testInfo, 'schedule form filled');
  await form.getByRole('button', { name: 'Schedule interview' }).click();
  // Specs share one stack and may book the same interviewer at the same time: such a conflict is confirmed here.
  const anyway = form.getByRole('button', { name: 'Schedule anyway' });
  // Green when the meeting exists; amber ("Interview saved; …") while Zoom has not answered; red when Zoom refused.
  const result = form.getByText(/^(Interview scheduled|Interview saved)/);
  await expect(result.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(result).toBeVisible();
}

/** The upcoming-interviews entry for a candidate. */
export function interviewItem(page: Page, candidateName: string) {
  return page
    .getByRole('region', { name: 'Upcoming interviews' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: new RegExp(candidateName) }) });
}
