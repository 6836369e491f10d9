import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditEntry } from '@crm/shared/audit';
import { AuditLog } from '../../../src/features/admin/components/audit-log';
import { setCsrfToken } from '../../../src/lib/api-client';
import { installFakeApi } from '../../support/fake-api';
import { renderWithQueryClient } from '../../support/render-with-query-client';

function entry(id: string, sentence: string): AuditEntry {
  return {
    id,
    type: 'zoom.connected',
    at: '2030-01-03T10:00:00.000Z',
    actor: { userId: 'u-ivy', email: 'interviewer@example.com', kind: 'user' },
    subject: { userId: 'u-ivy', email: 'interviewer@example.com' },
    requestId: null,
    ip: null,
    details: {},
    interviewId: null,
    sentence,
  };
}

beforeEach(() => setCsrfToken('csrf'));

describe('Audit log pager', () => {
  test('paging to the last page by keyboard keeps focus on the pager (aria-disabled, never disabled)', async () => {
    installFakeApi({
      'GET /api/admin/audit/events': (request) =>
        request.query.get('cursor') === 'page-2'
          ? { body: { events: [entry('e-2', 'Older event on page two.')], nextCursor: null } }
          : { body: { events: [entry('e-1', 'Newest event on page one.')], nextCursor: 'page-2' } },
      'GET /api/admin/users': { body: { users: [] } },
    });
    const user = userEvent.setup();
    renderWithQueryClient(<AuditLog />);

    const newer = await screen.findByRole('button', { name: 'Newer' });
    expect(newer).toHaveAttribute('aria-disabled', 'true');
    expect(newer).toBeEnabled();
    const older = screen.getByRole('button', { name: 'Older' });
    older.focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Older event on page two.')).toBeInTheDocument();
    // The last page: "Older" can do nothing more, yet it keeps focus instead of dropping it to <body>.
    expect(screen.getByRole('button', { name: 'Older' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Older' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Older event on page two.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Newer' })).not.toHaveAttribute('aria-disabled');
  });
});
