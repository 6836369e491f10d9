import { screen, waitFor } from '@testing-library/react';
import type { ZoomReconnectRemindersResponse } from '@crm/shared/reminders';
import { reminderQueryKeys } from '../../../src/features/reminders/api/reminder-query-keys';
import { ZoomReconnectReminderBanner } from '../../../src/features/reminders/components/zoom-reconnect-reminder-banner';
import { installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('the reconnect reminder banner', () => {
  test('names each interview the system account will host and links to the Zoom consent flow', async () => {
    const body: ZoomReconnectRemindersResponse = {
      reminders: [{ interviewId: 'i-1', candidateName: 'Grace Hopper', position: 'Backend Engineer', startTime: inHours(20), timeZone: 'Europe/Berlin', zoomState: 'needs_reconnect' }],
    };
    installFakeApi({ 'GET /api/reminders/zoom-reconnect': { body } });
    renderWithQueryClient(<ZoomReconnectReminderBanner />);

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Reconnect Zoom before your next interview');
    expect(banner).toHaveTextContent(/Your interview with Grace Hopper (today|tomorrow) at .+ will be hosted on the system account, not your own Zoom\./);
    expect(screen.getByRole('link', { name: 'Reconnect Zoom' })).toHaveAttribute('href', '/api/zoom/connect');
  });

  test('shows nothing when no interview is due', async () => {
    installFakeApi({ 'GET /api/reminders/zoom-reconnect': { body: { reminders: [] } } });
    const { container, queryClient } = renderWithQueryClient(<ZoomReconnectReminderBanner />);
    await waitFor(() => expect(queryClient.getQueryState(reminderQueryKeys.zoomReconnect())?.status).toBe('success'));
    expect(container).toBeEmptyDOMElement();
  });
});
