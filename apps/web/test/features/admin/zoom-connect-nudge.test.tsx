import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ZoomNudgeRefusalDetails } from '@crm/shared/reminders';
import { ZoomConnectNudge } from '../../../src/features/admin/components/zoom-connect-nudge';
import { setCsrfToken } from '../../../src/lib/api-client';
import { apiError, installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

beforeEach(() => setCsrfToken('csrf'));

describe('the "please connect Zoom" nudge', () => {
  test('asks first, then emails and says how many were reached and when the next one may go', async () => {
    const api = installFakeApi({ 'POST /api/admin/zoom/nudge': { body: { nudged: 2, skippedRecentlyNudged: 1, nextNudgeAt: '2030-01-01T11:00:00.000Z' } } });
    const user = userEvent.setup();
    renderWithQueryClient(<ZoomConnectNudge unconnected={3} />);

    expect(screen.getByText(/3 interviewers do not host from their own Zoom yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Email a reminder to connect Zoom' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Email a reminder to connect Zoom?' });
    expect(api.writes()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Send reminder' }));

    expect(await screen.findByText(/^Reminder emailed to 2 interviewers\. 1 other was already reminded in the last 24 hours\./)).toBeInTheDocument();
    expect(api.writes()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/admin/zoom/nudge', headers: expect.objectContaining({ 'x-csrf-token': 'csrf' }) })]);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  test('a nudge sent too soon says when the next one may be sent', async () => {
    const details: ZoomNudgeRefusalDetails = { reason: 'zoom_nudge_too_soon', retryAt: '2030-01-01T11:00:00.000Z', retryAfterSeconds: 1800 };
    installFakeApi({ 'POST /api/admin/zoom/nudge': apiError(429, 'rate_limited', 'Too soon', details) });
    const user = userEvent.setup();
    renderWithQueryClient(<ZoomConnectNudge unconnected={1} />);

    await user.click(screen.getByRole('button', { name: 'Email a reminder to connect Zoom' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Send reminder' }));

    expect(await screen.findByText('Reminder already sent recently')).toBeInTheDocument();
    expect(screen.getByText(/^You can send the next one after .*2030/)).toBeInTheDocument();
  });

  test('with every interviewer connected there is nobody to nudge', () => {
    installFakeApi({});
    renderWithQueryClient(<ZoomConnectNudge unconnected={0} />);
    expect(screen.getByText(/Every interviewer hosts from their own Zoom/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Email a reminder to connect Zoom' })).toBeDisabled();
  });
});
