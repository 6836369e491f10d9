import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeetingDefaults, MeetingDefaultsResponse } from '@crm/shared/interviews';
import { MeetingDefaultsForm } from '../../../src/features/zoom-connection/components/meeting-defaults-form';
import { setCsrfToken } from '../../../src/lib/api-client';
import { apiError, installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

const organisation: MeetingDefaults = { waitingRoom: true, autoRecording: 'none', joinBeforeHost: false, muteUponEntry: true };
const usingOrganisation: MeetingDefaultsResponse = { defaults: organisation, usingOrganisationDefaults: true, organisationDefaults: organisation };
// Meeting defaults are only editable with Zoom connected (they apply to meetings on the user's own account).
const connected = { body: { state: 'connected', zoomEmail: 'ivy@zoom.example', connectedAt: '2026-01-01T00:00:00Z', scopes: [], lastRefreshAt: null, lastProblem: null } };
const notConnected = { body: { state: 'not_connected', zoomEmail: null, connectedAt: null, scopes: [], lastRefreshAt: null, lastProblem: null } };

beforeEach(() => setCsrfToken('csrf'));

describe('Meeting defaults', () => {
  test('the form starts from the saved defaults, and saving sends exactly the chosen settings', async () => {
    const api = installFakeApi({
      'GET /api/zoom/meeting-defaults': { body: usingOrganisation },
      'GET /api/zoom/status': connected,
      'PUT /api/zoom/meeting-defaults': (request) => ({
        body: { defaults: request.body, usingOrganisationDefaults: false, organisationDefaults: organisation },
      }),
    });
    const user = userEvent.setup();
    renderWithQueryClient(<MeetingDefaultsForm />);

    expect(await screen.findByLabelText('Waiting room')).toBeChecked();
    expect(screen.getByLabelText('Join before host')).not.toBeChecked();
    expect(screen.getByText(/using the organisation's defaults/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Join before host'));
    await user.selectOptions(screen.getByLabelText('Automatic recording'), 'cloud');
    await user.click(screen.getByRole('button', { name: 'Save meeting defaults' }));

    expect(await screen.findByText('Meeting defaults saved.')).toBeInTheDocument();
    expect(api.writes()).toEqual([
      expect.objectContaining({
        method: 'PUT',
        body: { waitingRoom: true, autoRecording: 'cloud', joinBeforeHost: true, muteUponEntry: true },
      }),
    ]);
    expect(screen.queryByText(/using the organisation's defaults/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Join before host')).toBeChecked();
  });

  test('when saving fails, the form says why and keeps the choices', async () => {
    installFakeApi({
      'GET /api/zoom/meeting-defaults': { body: usingOrganisation },
      'GET /api/zoom/status': connected,
      'PUT /api/zoom/meeting-defaults': apiError(503, 'service_unavailable', 'The server is busy; try again in a moment.'),
    });
    const user = userEvent.setup();
    renderWithQueryClient(<MeetingDefaultsForm />);

    await user.click(await screen.findByLabelText('Mute on entry'));
    await user.click(screen.getByRole('button', { name: 'Save meeting defaults' }));

    expect(await screen.findByText('The server is busy; try again in a moment.')).toBeInTheDocument();
    expect(screen.getByLabelText('Mute on entry')).not.toBeChecked();
  });

  test('while Zoom is not connected, the defaults are shown but disabled, with the reason', async () => {
    installFakeApi({ 'GET /api/zoom/meeting-defaults': { body: usingOrganisation }, 'GET /api/zoom/status': notConnected });
    renderWithQueryClient(<MeetingDefaultsForm />);

    expect(await screen.findByText(/Connect Zoom above to change these/)).toBeInTheDocument();
    expect(screen.getByLabelText('Waiting room')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save meeting defaults' })).toBeDisabled();
  });
});
