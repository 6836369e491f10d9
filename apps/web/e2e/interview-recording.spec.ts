import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { people, simulatorMeetings } from './support/demo-stack';
import { daysAhead, ensureZoomConnected, interviewItem, openAccountSettings, openAs, scheduleInterview } from './support/flows';
import { snap } from './support/screenshots';

async function setAutoRecording(page: Page, testInfo: TestInfo, option: 'In the Zoom cloud' | 'Off'): Promise<void> {
  const form = page.getByRole('form', { name: 'Meeting defaults' });
  await form.getByLabel('Automatic recording').selectOption({ label: option });
  await form.getByRole('button', { name: 'Save meeting defaults' }).click();
  await expect(form.getByText('Meeting defaults saved.')).toBeVisible();
  await snap(page, testInfo, `meeting defaults: recording ${option}`);
}

test('in the simulator\'s meeting page the host and the candidate join by hand and the host ends; the recording and transcript reach the interview', async ({ browser }, testInfo) => {
  const interviewer = await openAs(browser, people.ian.email, testInfo, 'interviewer dashboard');
  await openAccountSettings(interviewer, testInfo);
  await ensureZoomConnected(interviewer, testInfo, people.ian);
  await setAutoRecording(interviewer, testInfo, 'In the Zoom cloud');
  try {
    const recruiter = await openAs(browser, people.recruiter.email, testInfo, 'recruiter dashboard');
    const candidate = `Grace Hopper ${String(Date.now()).slice(-6)}`;
    await scheduleInterview(recruiter, testInfo, { candidateName: candidate, interviewer: people.ian, start: daysAhead(4) });
    await expect(interviewItem(recruiter, candidate).getByText('Recorded automatically to the Zoom cloud')).toBeVisible();
    const joinUrl = (await interviewItem(recruiter, candidate).getByRole('link', { name: /Join link/ }).getAttribute('href'))!;
    expect((await simulatorMeetings(people.ian.zoomUserId)).some((m) => m.join_url === joinUrl)).toBe(true);

    // A person in demo mode drives the meeting from the simulator's join page.
    const room = await browser.newPage();
    await room.goto(joinUrl);
    await room.getByRole('button', { name: 'Join as host' }).click();
    await room.getByLabel('Name').fill(candidate);
    await room.getByLabel('Email').fill(`${candidate.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@candidates.example`);
    await room.getByRole('button', { name: 'Join as guest' }).click();
    const admit = room.getByRole('button', { name: `Admit ${candidate}` });
    if (await admit.isVisible()) await admit.click();
    await expect(room.getByRole('list', { name: 'Participants' })).toContainText(`${candidate}`);
    await snap(room, testInfo, 'simulator meeting page with host and candidate');
    await room.getByRole('button', { name: `${candidate} leaves` }).click();
    await room.getByRole('button', { name: 'End meeting for all' }).click();
    await expect(room.getByRole('status')).toContainText('recording.transcript_completed');
    await room.close();

    await recruiter.reload();
    const item = interviewItem(recruiter, candidate);
    await expect(item.getByText('Completed', { exact: true })).toBeVisible();
    await expect(item.getByRole('link', { name: /Recording/ })).toBeVisible();
    await item.locator('summary', { hasText: 'Transcript' }).click();
    await expect(item.getByRole('region', { name: `Transcript of the interview with ${candidate}` })).toContainText('WEBVTT');
    await snap(recruiter, testInfo, 'interview with recording and transcript');

    await interviewer.goto(recruiter.url());
    await expect(interviewItem(interviewer, candidate).getByRole('link', { name: /Recording/ })).toBeVisible();
  } finally {
    await openAccountSettings(interviewer, testInfo);
    await setAutoRecording(interviewer, testInfo, 'Off');
  }
});
