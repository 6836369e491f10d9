import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ZOOM_CALLBACK_RESULTS, type ZoomCallbackResult, type ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { CSRF_HEADER } from '@crm/shared/auth';
import { ZoomConnectionCard } from '../../../src/features/zoom-connection/components/zoom-connection-card';
import { setCsrfToken } from '../../../src/lib/api-client';
import { apiError, installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

const notConnected: ZoomStatusResponse = {
  state: 'not_connected',
  zoomEmail: null,
  connectedAt: null,
  scopes: [],
  lastRefreshAt: null,
  lastProblem: null,
};
const connected: ZoomStatusResponse = {
  state: 'connected',
  zoomEmail: 'ivy.zoom@example.com',
  connectedAt: '2030-03-04T10:15:00.000Z',
  scopes: ['meeting:write', 'meeting:read', 'user:read'],
  lastRefreshAt: '2030-03-05T08:00:00.000Z',
  lastProblem: null,
};
const needsReconnect: ZoomStatusResponse = {
  ...connected,
  state: 'needs_reconnect',
  lastProblem: 'Zoom no longer accepts this connection. Reconnect to keep hosting.',
};

function renderCard(callbackResult: string | null = null, accountEmail?: string) {
  const onDismissCallback = jest.fn();
  renderWithQueryClient(<ZoomConnectionCard callbackResult={callbackResult} onDismissCallback={onDismissCallback} accountEmail={accountEmail} />);
  return { onDismissCallback };
}

beforeEach(() => setCsrfToken('csrf-token-from-session'));

describe('Zoom card', () => {
  test('when the user has not connected Zoom, it says so, explains why connecting helps, and offers Connect Zoom', async () => {
    installFakeApi({ 'GET /api/zoom/status': { body: notConnected } });

    renderCard();

    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(screen.getByText(/interviews you host are created there/i)).toBeInTheDocument();
    const connect = screen.getByRole('link', { name: 'Connect Zoom' });
    // A top-level navigation: the API redirects the browser to Zoom's consent page.
    expect(connect).toHaveAttribute('href', '/api/zoom/connect');
    expect(screen.queryByRole('button', { name: 'Disconnect' })).not.toBeInTheDocument();
  });

  test('when Zoom is connected, it shows a green Connected status, the Zoom email and since when', async () => {
    installFakeApi({ 'GET /api/zoom/status': { body: connected } });

    renderCard();

    const status = await screen.findByText('Connected');
    expect(status).toHaveClass('status-success');
    expect(screen.getByText('ivy.zoom@example.com')).toBeInTheDocument();
    expect(screen.getByText('Connected since')).toBeInTheDocument();
    expect(screen.getByText('Connected since').closest('div')).toHaveTextContent(/2030/);
    expect(screen.getByRole('button', { name: 'Disconnect' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Connect Zoom' })).not.toBeInTheDocument();
  });

  test('when the user confirms Disconnect, the API is asked with the CSRF header and the card shows not connected', async () => {
    const api = installFakeApi({
      'GET /api/zoom/status': { body: connected },
      'POST /api/zoom/disconnect': { body: notConnected },
    });
    const user = userEvent.setup();
    renderCard();

    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Disconnect Zoom?' });
    expect(api.writes()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));

    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(screen.getByText(/Zoom is disconnected/)).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.writes()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/zoom/disconnect' })]);
    expect(api.writes()[0]?.headers[CSRF_HEADER]).toBe('csrf-token-from-session');
  });

  test('after a confirmed Disconnect removes the button that opened the dialog, focus lands on the main region, not on nothing', async () => {
    installFakeApi({
      'GET /api/zoom/status': { body: connected },
      'POST /api/zoom/disconnect': { body: notConnected },
    });
    const user = userEvent.setup();
    renderWithQueryClient(
      <main id="main" tabIndex={-1}>
        <ZoomConnectionCard callbackResult={null} onDismissCallback={jest.fn()} />
      </main>,
    );

    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }));

    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  test('a ?zoom=connected that the status contradicts (not connected) shows no success message', async () => {
    installFakeApi({ 'GET /api/zoom/status': { body: notConnected } });
    renderCard('connected');

    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(screen.queryByText('Zoom is connected')).not.toBeInTheDocument();
  });

  test('when the user cancels the disconnect confirmation, nothing is sent and Zoom stays connected', async () => {
    const api = installFakeApi({ 'GET /api/zoom/status': { body: connected } });
    const user = userEvent.setup();
    renderCard();

    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByText('Connected')).toBeInTheDocument();
    expect(api.writes()).toHaveLength(0);
  });

  test('when disconnecting fails, the card says why and still shows the connection', async () => {
    installFakeApi({
      'GET /api/zoom/status': { body: connected },
      'POST /api/zoom/disconnect': apiError(503, 'zoom_unavailable', 'Zoom is not answering right now; try again in a minute.'),
    });
    const user = userEvent.setup();
    renderCard();

    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }));

    expect(await screen.findByText('Zoom is not answering right now; try again in a minute.')).toBeInTheDocument();
    expect(screen.getByText('Connected')).toBeInTheDocument();
  });

  test('when Zoom stopped accepting the connection, it shows an amber status, the reason in words and Reconnect', async () => {
    installFakeApi({ 'GET /api/zoom/status': { body: needsReconnect } });

    renderCard();

    expect(await screen.findByText('Needs reconnect')).toHaveClass('status-warning');
    expect(screen.getByText(/Zoom no longer accepts this connection\. Reconnect to keep hosting\./)).toBeInTheDocument();
    expect(screen.getByText(/interviews you host use the system account/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reconnect' })).toHaveAttribute('href', '/api/zoom/connect');
  });

  test('when the status cannot be loaded, it says so and retrying loads it', async () => {
    let calls = 0;
    installFakeApi({
      'GET /api/zoom/status': () => (++calls === 1 ? apiError(500, 'internal_error', 'Something went wrong on our side.') : { body: connected }),
    });
    const user = userEvent.setup();
    renderCard();

    expect(await screen.findByText('Could not load your Zoom connection')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Connected')).toBeInTheDocument();
  });

  test('after connecting a Zoom account whose email differs from the CRM email, the success message names it and says so', async () => {
    installFakeApi({ 'GET /api/zoom/status': { body: connected } });

    renderCard('connected', 'ivy@example.com');

    expect(await screen.findByText(/This is not your CRM email \(ivy@example.com\)/)).toBeInTheDocument();
    expect(screen.getAllByText('ivy.zoom@example.com')).toHaveLength(2);
  });

  test('the disconnect confirmation lists the upcoming interviews that will move to the system account', async () => {
    const user = userEvent.setup();
    installFakeApi({
      'GET /api/zoom/status': { body: connected },
      'GET /api/zoom/hosted-interviews': { body: { interviews: [{ id: 'i-1', candidateName: 'Grace Hopper', position: 'Staff Engineer', startTime: '2031-05-01T07:00:00.000Z' }] } },
    });
    renderCard();

    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect Zoom?' });
    expect(await within(dialog).findByText(/Grace Hopper · Staff Engineer/)).toBeInTheDocument();
    expect(within(dialog).getByText(/This upcoming interview moves to the\s+system account/)).toBeInTheDocument();
  });

  const expected: Record<ZoomCallbackResult, { title: string; text: RegExp }> = {
    connected: { title: 'Zoom is connected', text: /created in your own Zoom account/ },
    access_denied: { title: 'Zoom was not connected', text: /chose not to allow access/ },
    state_invalid: { title: 'Zoom could not be connected', text: /did not match a connection you started here/ },
    state_expired: { title: 'The Zoom sign-in took too long', text: /expired before you came back/ },
    exchange_failed: { title: 'Zoom could not finish the connection', text: /could not complete the set-up with Zoom/ },
    zoom_account_in_use: { title: 'That Zoom account is already in use', text: /connected to another person here/ },
    zoom_account_is_fallback_host: { title: "That is the organisation's Zoom account", text: /organisation's fallback host/ },
    zoom_not_configured: { title: 'Zoom is not set up on this server', text: /has not configured the Zoom app yet/ },
  };

  test.each(ZOOM_CALLBACK_RESULTS.map((result) => [result]))(
    'after returning from Zoom with "%s", the card says what happened in words',
    async (result) => {
      installFakeApi({ 'GET /api/zoom/status': { body: result === 'connected' ? connected : notConnected } });

      renderCard(result);

      expect(await screen.findByText(expected[result].title)).toBeInTheDocument();
      expect(screen.getByText(expected[result].text)).toBeInTheDocument();
      expect(screen.queryByText(result)).not.toBeInTheDocument();
    },
  );

  test('after a denial the card still offers Connect Zoom, and the message can be dismissed', async () => {
    installFakeApi({ 'GET /api/zoom/status': { body: notConnected } });
    const user = userEvent.setup();
    const { onDismissCallback } = renderCard('access_denied');

    expect(await screen.findByRole('link', { name: 'Connect Zoom' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));

    expect(onDismissCallback).toHaveBeenCalled();
  });

  test('an unknown callback value gets a generic message rather than raw text', async () => {
    installFakeApi({ 'GET /api/zoom/status': { body: notConnected } });

    renderCard('<script>');

    expect(await screen.findByText(/Something unexpected came back from Zoom/)).toBeInTheDocument();
  });
});
