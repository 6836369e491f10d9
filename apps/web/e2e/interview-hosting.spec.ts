import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, people, simulatorMeetings, webUrl } from './support/demo-stack';
import {
  daysAhead,
  ensureZoomConnected,
  ensureZoomNotConnected,
  interviewItem,
  openAccountSettings,
  openAs,
  scheduleInterview,
  zoomCard,
} from './support/flows';
import { snap } from './support/screenshots';

test("a recruiter schedules with a connected interviewer: the dashboard shows the join link and Interviewer's Zoom, and Zoom holds the meeting under that interviewer", async ({
  browser,
}, testInfo) => {
  const interviewer = await openAs(browser, people.ivy.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.ivy);

  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  await expect(form.getByRole('checkbox', { name: new RegExp(people.ivy.name) })).toHaveAccessibleDescription(/Hosts on their own Zoom/);
  const candidateName = 'Grace Hopper';
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.ivy, start: daysAhead(3) });

  const item = interviewItem(recruiter, candidateName);
  await expect(item).toBeVisible();
  await expect(item.getByText("Interviewer's Zoom")).toBeVisible();
  const joinLink = item.getByRole('link', { name: /Join link/ });
  await expect(joinLink).toHaveAttribute('href', /^https?:\/\//);
  // Only the host gets the start link.
  await expect(item.getByRole('link', { name: /Start meeting/ })).toHaveCount(0);
  // Hidden is not enough: the start URL is a credential and must not reach a non-host's browser at all.
  const listed = await recruiter.request.get('/api/interviews', { params: { when: 'upcoming' } });
  expect(listed.ok()).toBe(true);
  expect(await listed.text()).not.toMatch(/startUrl|zak=/);
  await snap(recruiter, testInfo, 'recruiter dashboard with the new interview');

  const joinUrl = await joinLink.getAttribute('href');
  const meetings = await simulatorMeetings(people.ivy.zoomUserId);
  const meeting = meetings.find((candidate) => candidate.join_url === joinUrl);
  expect(meeting, 'the simulator holds the meeting under the interviewer’s Zoom user').toBeDefined();
  expect(meeting?.host_id).toBe(people.ivy.zoomUserId);
  expect(meeting?.deleted).toBeFalsy();

  // The interviewer sees it too, with the start link that only the host gets.
  await interviewer.goto('/');
  const own = interviewItem(interviewer, candidateName);
  await expect(own.getByRole('link', { name: /Start meeting as host/ })).toBeVisible();
  await snap(interviewer, testInfo, 'interviewer dashboard with start link');
});

test('after the interviewer disconnects Zoom, the recruiter\'s next interview is hosted on the System account with the reason', async ({
  browser,
}, testInfo) => {
  const interviewer = await openAs(browser, people.iris.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.iris);

  await zoomCard(interviewer).getByRole('button', { name: 'Disconnect' }).click();
  const dialog = interviewer.getByRole('alertdialog', { name: 'Disconnect Zoom?' });
  await snap(interviewer, testInfo, 'disconnect confirmation');
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(zoomCard(interviewer).getByText('Not connected', { exact: true })).toBeVisible();
  await snap(interviewer, testInfo, 'disconnected');

  const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  await expect(form.getByRole('checkbox', { name: new RegExp(people.iris.name) })).toHaveAccessibleDescription(/System account will host/);
  const candidateName = 'Alan Turing';
  await scheduleInterview(recruiter, testInfo, { candidateName, interviewer: people.iris, start: daysAhead(4) });

  const item = interviewItem(recruiter, candidateName);
  await expect(item.getByText('System account', { exact: true })).toBeVisible();
  await expect(item.getByText('The interviewer has not connected Zoom')).toBeVisible();
  await expect(item.getByRole('link', { name: /Join link/ })).toBeVisible();
  await snap(recruiter, testInfo, 'recruiter dashboard system account');

  const joinUrl = await item.getByRole('link', { name: /Join link/ }).getAttribute('href');
  expect((await simulatorMeetings(people.iris.zoomUserId)).some((meeting) => meeting.join_url === joinUrl)).toBe(false);
  expect((await simulatorMeetings()).some((meeting) => meeting.join_url === joinUrl)).toBe(true);

  // The interviewer is told their connection needs attention.
  await interviewer.goto('/');
  await expect(interviewer.getByText('Host interviews from your own Zoom')).toBeVisible();
  await snap(interviewer, testInfo, 'interviewer dashboard banner');
});

test('panel interview with host fallback to the second interviewer: the first has not connected Zoom, the second has, so the second hosts; the interview page shows the panel, its roles and the host', async ({
  browser,
}, testInfo) => {
  // The demo stack is shared: the tests above leave Ivy connected and Iris disconnected; put them so if run alone.
  const recruiter = await signInQuietly(browser, people.recruiter.email);
  const states = await interviewerStates(recruiter);
  if (states.get(people.ivy.email) !== 'connected') {
    const ivy = await openAs(browser, people.ivy.email, testInfo, 'interviewer dashboard');
    await openAccountSettings(ivy, testInfo);
    await ensureZoomConnected(ivy, testInfo, people.ivy);
  }
  if (states.get(people.iris.email) === 'connected') {
    const iris = await openAs(browser, people.iris.email, testInfo, 'interviewer dashboard');
    await openAccountSettings(iris, testInfo);
    await ensureZoomNotConnected(iris, testInfo);
  }
  await recruiter.reload();

  const form = recruiter.getByRole('form', { name: 'Schedule interview' });
  const candidateName = 'Radia Perlman';
  await form.getByLabel('Candidate name').fill(candidateName);
  await form.getByLabel('Candidate email').fill('radia.perlman@candidates.example');
  await form.getByLabel('Position').fill('Principal Engineer');
  // The panel in order: Iris first (no Zoom), then Ivy (connected), who is marked as the expected host.
  await form.getByRole('checkbox', { name: new RegExp(people.iris.name) }).check();
  await form.getByRole('checkbox', { name: new RegExp(people.ivy.name) }).check();
  const order = form.getByRole('list', { name: 'Panel order' }).getByRole('listitem');
  await expect(order).toHaveText([new RegExp(`^${people.iris.name}`), new RegExp(`^${people.ivy.name}.*Expected host`)]);
  await form.getByLabel('Date and time').fill(daysAhead(6, '15:00'));
  await form.getByLabel('Duration (minutes)').fill('60');
  await form.getByRole('button', { name: 'Schedule interview' }).click();
  const result = form.getByText(/^Interview scheduled/);
  const anyway = form.getByRole('button', { name: 'Schedule anyway' });
  await expect(result.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(result).toBeVisible();

  const item = interviewItem(recruiter, candidateName);
  await expect(item).toContainText(`Panel: ${people.iris.name}, ${people.ivy.name} (host)`);
  await item.getByRole('link', { name: candidateName, exact: true }).click();
  const details = recruiter.locator('.interview-details');
  const panel = details.getByRole('list').filter({ hasText: people.iris.name });
  await expect(panel.getByRole('listitem')).toHaveText([new RegExp(`${people.iris.name}.*(Alternative host|Panelist)$`), new RegExp(`${people.ivy.name}.*Host$`)]);
  await expect(details).toContainText(`${people.ivy.name} Interviewer's Zoom`);
  await expect(details).toContainText(`Hosted by ${people.ivy.email}`);
  await snap(recruiter, testInfo, 'panel interview hosted by the second interviewer');

  // Zoom holds it under Ivy's user; Iris, a user of the same Zoom account, is its alternative host.
  const joinUrl = await details.getByRole('link', { name: /^https?:/ }).getAttribute('href');
  const meeting = (await simulatorMeetings(people.ivy.zoomUserId)).find((candidate) => candidate.join_url === joinUrl) as { host_id: string; settings?: { alternative_hosts?: string } } | undefined;
  expect(meeting?.host_id).toBe(people.ivy.zoomUserId);
  expect(meeting?.settings?.alternative_hosts).toBe(people.iris.email);
});

/** Signs in without screenshots (this spec's budget is one snap per test step). */
async function signInQuietly(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: webUrl });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Interviews', level: 1 })).toBeVisible();
  return page;
}

/** Each interviewer's Zoom connection state, as the scheduling form's picker reads it. */
async function interviewerStates(page: Page): Promise<Map<string, string>> {
  const response = await page.request.get('/api/interviewers');
  expect(response.ok()).toBe(true);
  const { interviewers } = (await response.json()) as { interviewers: { email: string; zoomConnectionState: string }[] };
  return new Map(interviewers.map((interviewer) => [interviewer.email, interviewer.zoomConnectionState]));
}
