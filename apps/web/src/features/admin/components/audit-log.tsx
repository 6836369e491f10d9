import { useId, useState } from 'react';
import type { AuditEvent, AuditEventType } from '@crm/shared/zoom-connection';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTime } from '../../../lib/format-date-time';
import { useAuditLog } from '../api/get-audit-log';

const PAGE_SIZE = 20;

const EVENT_LABEL: Record<AuditEventType, string> = {
  'zoom.connected': 'Zoom connected',
  'zoom.disconnected': 'Zoom disconnected',
  'zoom.refresh_failed': 'Zoom refresh failed',
  'zoom.deauthorized': 'Zoom app removed in Zoom',
  'zoom.keys_rotated': 'Encryption keys rotated',
  'user.created': 'User created',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'user.role_changed': 'Role changed',
  'user.password_changed': 'Password changed',
  'user.sessions_ended': 'Signed out everywhere',
  'meeting.rehosted': 'Meeting moved to the system account',
  'meeting.retried': 'Meeting change retried',
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in refused',
  'user.provisioned': 'User provisioned by SSO',
  'user.invited': 'User invited',
  'user.invite_resent': 'Invitation sent again',
  'interview.scheduled': 'Interview scheduled',
  'interview.rescheduled': 'Interview rescheduled',
  'interview.cancelled': 'Interview cancelled',
  'meeting.fallback': 'Meeting on the system account',
  'meeting.failed': 'Meeting failed',
};

function actorLabel(event: AuditEvent): string {
  if (event.actor.kind === 'system') return 'System';
  if (event.actor.kind === 'zoom') return 'Zoom';
  return event.actor.email ?? 'Unknown user';
}

function detailsLabel(details: AuditEvent['details']): string {
  const entries = Object.entries(details).filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (entries.length === 0) return '—';
  const show = (value: unknown) => Array.isArray(value) ? value.join(', ') : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return entries.map(([key, value]) => `${key}: ${show(value)}`).join('; ');
}

/** The newest events first; reloads when an admin action (which adds one) invalidates it. */
export function AuditLog() {
  const titleId = useId();
  const [page, setPage] = useState(1);
  const query = useAuditLog(page, PAGE_SIZE);
  const data = query.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Audit log
      </h2>
      {query.isFetching && !data && <LoadingState label="Loading the audit log…" />}
      {query.isError && !query.isFetching && (
        <ErrorState title="Could not load the audit log" error={query.error} onRetry={() => void query.refetch()} />
      )}
      {data && data.events.length === 0 && <EmptyState>No events recorded yet.</EmptyState>}
      {data && data.events.length > 0 && (
        <>
          <div className="table-scroll" role="region" aria-label="Audit events" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Event</th>
                  <th scope="col">By</th>
                  <th scope="col">Affected user</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {data.events.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDateTime(event.at)}</td>
                    <td>{EVENT_LABEL[event.type] ?? event.type}</td>
                    <td>{actorLabel(event)}</td>
                    <td>{event.subject.email ?? '—'}</td>
                    <td className="cell-problem">{detailsLabel(event.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Audit log pages">
            <button type="button" className="button button-secondary button-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Newer
            </button>
            <span>
              Page {data.page} of {pageCount}
            </span>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={page >= pageCount}
              onClick={() => setPage(page + 1)}
            >
              Older
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
