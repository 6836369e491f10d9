import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeetingAnalyticsResponse } from '@crm/shared/interviews';
import type { AdminZoomConnectionsResponse } from '@crm/shared/zoom-connection';
import type { AuditEntry, AuditSearchResponse } from '@crm/shared/audit';
import { AuditLog } from '../../../src/features/admin/components/audit-log';
import { AttendanceAnalytics } from '../../../src/features/admin/components/attendance-analytics';
import { ZoomConnectionsOverview } from '../../../src/features/admin/components/zoom-connections-overview';
import { setCsrfToken } from '../../../src/lib/api-client';
import { installFakeApi, type RecordedRequest } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';
import { MemoryRouter, useLocation } from 'react-router-dom';

const connections: AdminZoomConnectionsResponse = {
  users: [
    { userId: 'u-ivy', name: 'Ivy Interviewer', email: 'interviewer@example.com', role: 'interviewer', state: 'connected', zoomEmail: 'interviewer@example.com', connectedAt: '2030-01-02T10:00:00.000Z', lastRefreshAt: null, lastProblem: null },
    { userId: 'u-ian', name: 'Ian Second', email: 'interviewer2@example.com', role: 'interviewer', state: 'not_connected', zoomEmail: null, connectedAt: null, lastRefreshAt: null, lastProblem: null },
    { userId: 'u-iris', name: 'Iris Third', email: 'interviewer3@example.com', role: 'interviewer', state: 'needs_reconnect', zoomEmail: 'iris@example.com', connectedAt: '2030-01-01T10:00:00.000Z', lastRefreshAt: null, lastProblem: 'Zoom no longer accepts this connection.' },
  ],
  totals: { connected: 1, needs_reconnect: 1, not_connected: 1 },
  interviewers: { total: 3, connected: 1, adoptionRate: 1 / 3 },
  stateCounts: { interviewers: { connected: 1, needs_reconnect: 1, not_connected: 1 }, otherRoles: { connected: 0, needs_reconnect: 0, not_connected: 1 } },
};
const ivyAttendance = { interviews: 5, tracked: 4, candidateNoShows: 1, interviewerNoShows: 0, candidateNoShowRate: 0.25, interviewerNoShowRate: 0, recordings: 3 };
const analytics: MeetingAnalyticsResponse = {
  since: '2029-12-01T00:00:00.000Z',
  until: '2030-01-01T00:00:00.000Z',
  rows: [{ interviewer: { id: 'u-ivy', name: 'Ivy Interviewer', email: 'interviewer@example.com' }, zoomConnectionState: 'connected', ownAccount: 4, systemAccount: 1, fallbackReasons: { not_connected: 1 }, attendance: ivyAttendance }],
  totals: { ownAccount: 4, systemAccount: 1 },
  attendance: ivyAttendance,
};

beforeEach(() => setCsrfToken('csrf'));

/** The API's side of the paged table: filters by state and name/email prefix, as the real endpoint does. */
function connectionsPage(data: AdminZoomConnectionsResponse) {
  return (request: RecordedRequest) => {
    const state = request.query.get('state');
    const q = request.query.get('q')?.toLowerCase();
    const users = data.users.filter((row) => (!state || row.state === state) && (!q || [row.name, ...row.name.split(' '), row.email].some((key) => key.toLowerCase().startsWith(q))));
    return { body: { ...data, users, nextCursor: null } };
  };
}

/** The connections table reads its filters from the URL, as on the admin page. */
function renderOverview(ui: React.ReactElement = <ZoomConnectionsOverview />, entry = '/admin/zoom') {
  return renderWithQueryClient(<MemoryRouter initialEntries={[entry]}>{ui}</MemoryRouter>);
}

describe('Admin Zoom connections', () => {
  test('shows adoption, counts by state and each user with meetings on own vs system account', async () => {
    installFakeApi({ 'GET /api/admin/zoom/connections': connectionsPage(connections), 'GET /api/admin/meeting-analytics': { body: analytics } });
    renderOverview();

    expect(await screen.findByText('33%')).toBeInTheDocument();
    expect(screen.getByText('1 of 3 interviewers host from their own Zoom')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Zoom connections by user' });
    const ivyRow = within(table).getByRole('row', { name: /Ivy Interviewer/ });
    expect(within(ivyRow).getByText('Connected')).toHaveClass('status-success');
    expect(await within(ivyRow).findByText('4 on own Zoom, 1 on system account')).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Iris Third/ })).toHaveTextContent('Zoom no longer accepts this connection.');
  });

  test('the state filter narrows the table', async () => {
    installFakeApi({ 'GET /api/admin/zoom/connections': connectionsPage(connections), 'GET /api/admin/meeting-analytics': { body: analytics } });
    const user = userEvent.setup();
    renderOverview();

    await user.selectOptions(await screen.findByLabelText('Zoom state'), 'needs_reconnect');

    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Iris Third');
  });

  test('force-disconnect asks first, then disconnects and reloads the table and the audit log', async () => {
    let disconnected = false;
    const disconnectEvent: AuditEntry = {
      id: 'e-1',
      type: 'zoom.disconnected',
      at: '2030-01-03T10:00:00.000Z',
      actor: { userId: 'u-admin', email: 'admin@example.com', kind: 'user' },
      subject: { userId: 'u-ivy', email: 'interviewer@example.com' },
      requestId: null,
      ip: null,
      details: { reason: 'admin_force_disconnect' },
      interviewId: null,
      sentence: "Ada Admin force-disconnected Ivy Interviewer (interviewer@example.com)'s Zoom.",
    };
    const auditLog = (): AuditSearchResponse => ({ events: disconnected ? [disconnectEvent] : [], nextCursor: null });
    const api = installFakeApi({
      'GET /api/admin/zoom/connections': () => ({
        body: disconnected
          ? { ...connections, users: connections.users.map((u) => (u.userId === 'u-ivy' ? { ...u, state: 'not_connected', zoomEmail: null } : u)) }
          : connections,
      }),
      'GET /api/admin/meeting-analytics': { body: analytics },
      'GET /api/admin/audit/events': () => ({ body: auditLog() }),
      'GET /api/admin/users': { body: { users: [] } },
      'POST /api/admin/users/u-ivy/zoom/disconnect': () => {
        disconnected = true;
        return { body: { state: 'not_connected', zoomEmail: null, connectedAt: null, scopes: [], lastRefreshAt: null, lastProblem: null } };
      },
    });
    const user = userEvent.setup();
    renderOverview(
      <>
        <ZoomConnectionsOverview />
        <AuditLog />
      </>,
    );
    expect(await screen.findByText('No events recorded yet.')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Force disconnect Ivy Interviewer' }));
    await user.click(within(screen.getByRole('alertdialog', { name: "Disconnect Ivy Interviewer's Zoom?" })).getByRole('button', { name: 'Force disconnect' }));

    expect(await screen.findByText(/Ivy Interviewer's Zoom connection was disconnected/)).toBeInTheDocument();
    expect(api.writes()).toEqual([expect.objectContaining({ path: '/api/admin/users/u-ivy/zoom/disconnect' })]);
    // The disconnect is recorded in the audit log, which the admin sees without reloading.
    expect(await screen.findByRole('cell', { name: 'Zoom disconnected' })).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /Ivy Interviewer.*Not connected/ })).toBeInTheDocument();
  });
  test('search and state go to the API and the URL, a shared link opens filtered, and further pages load with the cursor', async () => {
    const api = installFakeApi({
      'GET /api/admin/zoom/connections': (request) => {
        const cursor = request.query.get('cursor');
        const page = cursor === 'page-2' ? [connections.users[2]!] : [connections.users[0]!];
        return { body: { ...connections, users: page, nextCursor: cursor ? null : 'page-2' } };
      },
      'GET /api/admin/meeting-analytics': { body: analytics },
    });
    let location = '';
    function ShowLocation() {
      location = useLocation().search;
      return null;
    }
    const user = userEvent.setup();
    renderOverview(
      <>
        <ZoomConnectionsOverview />
        <ShowLocation />
      </>,
      '/admin/zoom?state=connected&q=iv',
    );

    expect(await screen.findByRole('row', { name: /Ivy Interviewer/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Zoom state')).toHaveValue('connected');
    expect(screen.getByLabelText('Search name or email')).toHaveValue('iv');
    const first = api.requests.find((request) => request.path === '/api/admin/zoom/connections')!;
    expect(Object.fromEntries(first.query)).toEqual({ state: 'connected', q: 'iv', limit: '50' });

    await user.click(screen.getByRole('button', { name: 'Load more users' }));
    expect(await screen.findByRole('row', { name: /Iris Third/ })).toBeInTheDocument();
    expect(api.requests.filter((request) => request.path === '/api/admin/zoom/connections').at(-1)!.query.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more users' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Zoom state'), 'all');
    await waitFor(() => expect(location).toBe('?q=iv'));
  });
});

describe('Admin attendance analytics', () => {
  test('shows no-show rates and recordings for the last 30 days, in all and per interviewer', async () => {
    installFakeApi({ 'GET /api/admin/meeting-analytics': { body: analytics } });
    renderWithQueryClient(<AttendanceAnalytics />);

    expect(await screen.findByText(/5 interviews held; candidate no-show rate 25%, interviewer no-show rate 0%, 3 recorded\./)).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'Attendance by interviewer' })).getByRole('row', { name: /Ivy Interviewer/ });
    expect(row).toHaveTextContent('1 (25%)');
  });
});
