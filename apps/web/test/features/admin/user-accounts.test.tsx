import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublicUser, UserListResponse } from '@crm/shared/auth';
import { UserAccounts } from '../../../src/features/admin/components/user-accounts';
import { setCsrfToken } from '../../../src/lib/api-client';
import { installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

const admin: PublicUser = { id: 'u-ada', name: 'Ada Admin', email: 'admin@example.com', role: 'admin', active: true, createdAt: '2030-01-01T00:00:00.000Z' };
const ivy: PublicUser = { id: 'u-ivy', name: 'Ivy Interviewer', email: 'interviewer@example.com', role: 'interviewer', active: true, createdAt: '2030-01-01T00:00:00.000Z' };

beforeEach(() => setCsrfToken('csrf'));

describe('Admin user accounts', () => {
  test('deactivate asks first, then deactivates, says what happened and shows the account as deactivated', async () => {
    let current = ivy;
    const api = installFakeApi({
      'GET /api/admin/users': () => ({ body: { users: [admin, current] } satisfies UserListResponse }),
      'POST /api/admin/users/u-ivy/deactivate': () => {
        current = { ...ivy, active: false };
        return { body: { user: current } };
      },
    });
    const user = userEvent.setup();
    renderWithQueryClient(<UserAccounts currentUserId="u-ada" />);

    const table = await screen.findByRole('table', { name: 'User accounts' });
    expect(within(within(table).getByRole('row', { name: /Ada Admin/ })).queryByRole('button')).toBeNull();
    await user.click(within(table).getByRole('button', { name: 'Deactivate Ivy Interviewer' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Deactivate Ivy Interviewer?' });
    expect(dialog).toHaveTextContent('signed out everywhere');
    expect(api.writes()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(await screen.findByText(/Ivy Interviewer was deactivated/)).toBeInTheDocument();
    expect(api.writes()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/admin/users/u-ivy/deactivate' })]);
    const ivyRow = await within(screen.getByRole('table', { name: 'User accounts' })).findByRole('row', { name: /Ivy Interviewer.*Deactivated/ });
    expect(within(ivyRow).getByRole('button', { name: 'Reactivate Ivy Interviewer' })).toBeInTheDocument();
  });
});
