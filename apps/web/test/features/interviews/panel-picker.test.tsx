import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InterviewerListResponse } from '@crm/shared/interviews';
import { ScheduleInterviewForm } from '../../../src/features/interviews/components/schedule-interview-form';
import { setCsrfToken } from '../../../src/lib/api-client';
import { installFakeApi, type RecordedRequest } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

const person = (id: string, name: string, connected: boolean) => ({
  id,
  name,
  email: `${id}@example.com`,
  zoomConnectionState: connected ? ('connected' as const) : ('not_connected' as const),
  zoomEmail: connected ? `${id}@example.com` : null,
  expectedHostSource: connected ? ('interviewer' as const) : ('system' as const),
});
const interviewers: InterviewerListResponse = { interviewers: [person('u-ian', 'Ian Second', false), person('u-ivy', 'Ivy Interviewer', true), person('u-iris', 'Iris Third', true)] };

beforeEach(() => setCsrfToken('csrf'));

describe('the panel picker', () => {
  test('ticking interviewers builds the panel in that order, the first connected one marked as the expected host; Up and Down reorder it by keyboard with focus kept on the moved member, and the order is what is sent', async () => {
    let sent: RecordedRequest | undefined;
    installFakeApi({
      'GET /api/interviewers': { body: interviewers },
      'POST /api/interviews': (request) => {
        sent = request;
        return { status: 400, body: { error: { code: 'validation_failed', message: 'stop here', details: [] } } };
      },
    });
    renderWithQueryClient(<ScheduleInterviewForm />);
    const user = userEvent.setup();

    // The list loads first (generous wait: CI machines are busy).
    await user.click(await screen.findByRole('checkbox', { name: /Ian Second/ }, { timeout: 5_000 }));
    await user.click(screen.getByRole('checkbox', { name: /Iris Third/ }));
    await user.click(screen.getByRole('checkbox', { name: /Ivy Interviewer/ }));
    const order = () => within(screen.getByRole('list', { name: 'Panel order' })).getAllByRole('listitem').map((item) => item.textContent);
    expect(order()).toEqual([expect.stringMatching(/^Ian Second/), expect.stringMatching(/^Iris Third.*Expected host/), expect.stringMatching(/^Ivy Interviewer/)]);

    // Ivy to the top, by keyboard: focus stays on her buttons as she moves (Up is disabled at the top, so Down takes it).
    screen.getByRole('button', { name: 'Move Ivy Interviewer up' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Move Ivy Interviewer up' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Move Ivy Interviewer down' })).toHaveFocus();
    expect(order()).toEqual([expect.stringMatching(/^Ivy Interviewer.*Expected host/), expect.stringMatching(/^Ian Second/), expect.stringMatching(/^Iris Third/)]);
    await user.click(screen.getByRole('button', { name: 'Remove Ian Second from the panel' }));
    expect(screen.getByRole('checkbox', { name: /Ian Second/ })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Ian Second/ })).toHaveFocus();

    await user.type(screen.getByLabelText('Candidate name'), 'Grace Hopper');
    await user.type(screen.getByLabelText('Candidate email'), 'grace@example.com');
    await user.type(screen.getByLabelText('Position'), 'Staff Engineer');
    await user.type(screen.getByLabelText('Date and time'), `${new Date().getFullYear() + 1}-01-15T09:00`);
    await user.click(screen.getByRole('button', { name: 'Schedule interview' }));

    await screen.findByText(/stop here/);
    expect((sent?.body as { interviewerIds?: string[] }).interviewerIds).toEqual(['u-ivy', 'u-iris']);
    expect(sent?.body).not.toHaveProperty('interviewerId');
  });
});
