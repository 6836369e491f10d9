import { useId, useState } from 'react';
import type { AuditCategory, AuditEntry, AuditSearchQuery } from '@crm/shared/audit';
import type { AuditEventType } from '@crm/shared/zoom-connection';
import { ChoiceFilter } from '../../../components/choice-filter';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTime } from '../../../lib/format-date-time';
import { useUsers } from '../api/get-users';
import { auditExportUrl, useAuditEvents } from '../api/search-audit-events';

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
  'meeting.rehosted': 'Meeting moved to another Zoom account',
  'meeting.retried': 'Meeting change retried',
  'zoom.nudge_sent': 'Connect-Zoom nudge sent',
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
  'zoom.event_applied': 'Zoom webhook acted on',
  'settings.changed': 'Setting changed',
  'job.failed': 'Background job failed',
};

const CATEGORY_LABEL: Record<AuditCategory, string> = {
  interviews: 'Interviews and meetings',
  zoom: 'Zoom connections',
  users: 'Users and roles',
  sign_ins: 'Sign-ins',
  webhooks: 'Zoom webhooks',
  settings: 'Settings',
  jobs: 'Background jobs',
};

type Filters = Pick<AuditSearchQuery, 'actorUserId' | 'subjectUserId' | 'interviewId' | 'type' | 'from' | 'to'>;

/**
 * The audit log as sentences, newest first: filters (who acted, who was affected, one interview, kind of
 * event, dates), pages by cursor, CSV export of the same filters. Two columns, so it fits a phone.
 */
export function AuditLog() {
  const titleId = useId();
  const ids = { actor: useId(), subject: useId(), type: useId(), from: useId(), to: useId() };
  const [filters, setFilters] = useState<Filters>({});
  // Cursors of the pages before the current one; the last entry is the current page's.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const query = useAuditEvents({ ...filters, ...(cursor ? { cursor } : {}), limit: PAGE_SIZE });
  const users = useUsers();
  const data = query.data;

  const change = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setCursors([undefined]);
  };
  const people = users.data?.users ?? [];

  return (
    <section className="card audit-log" aria-labelledby={titleId}>
      <div className="audit-log-heading">
        <h2 id={titleId} className="card-title">
          Audit log
        </h2>
        <a className="button button-secondary button-small" href={auditExportUrl(filters)} download>
          Export CSV
        </a>
      </div>
      <div className="filters" role="group" aria-label="Filter the audit log">
        <ChoiceFilter className="field" id={ids.actor} label="Done by" anyLabel="Anyone" value={filters.actorUserId ?? ''} choices={people.map((user) => [user.id, user.name] as const)} onChange={(value) => change({ actorUserId: value || undefined })} />
        <ChoiceFilter className="field" id={ids.subject} label="Affected user" anyLabel="Anyone" value={filters.subjectUserId ?? ''} choices={people.map((user) => [user.id, user.name] as const)} onChange={(value) => change({ subjectUserId: value || undefined })} />
        <ChoiceFilter className="field" id={ids.type} label="Events" anyLabel="All events" value={filters.type ?? ''} choices={Object.entries(CATEGORY_LABEL)} onChange={(value) => change({ type: (value || undefined) as Filters['type'] })} />
        <div className="field">
          <label htmlFor={ids.from}>From</label>
          <input id={ids.from} type="date" value={filters.from ?? ''} onChange={(event) => change({ from: event.target.value || undefined })} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>To</label>
          <input id={ids.to} type="date" value={filters.to ?? ''} onChange={(event) => change({ to: event.target.value || undefined })} />
        </div>
      </div>
      {filters.interviewId && (
        <p className="audit-log-scope">
          Showing one interview&rsquo;s history.{' '}
          <button type="button" className="button button-secondary button-small" onClick={() => change({ interviewId: undefined })}>
            Show all interviews
          </button>
        </p>
      )}
      {query.isFetching && !data && <LoadingState label="Loading the audit log…" />}
      {query.isError && !query.isFetching && <ErrorState title="Could not load the audit log" error={query.error} onRetry={() => void query.refetch()} />}
      {data && data.events.length === 0 && (
        <EmptyState>{Object.values(filters).some(Boolean) ? 'No events match these filters.' : 'No events recorded yet.'}</EmptyState>
      )}
      {data && data.events.length > 0 && (
        <>
          <table className="table audit-table" aria-label="Audit events">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col" className="audit-event-col">
                  Event
                </th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {data.events.map((event) => (
                <AuditRow key={event.id} event={event} onShowInterview={filters.interviewId ? undefined : (interviewId) => change({ interviewId })} />
              ))}
            </tbody>
          </table>
          {/* aria-disabled, not disabled: paging to the first or last page must not drop keyboard focus to <body>. */}
          <nav className="pager" aria-label="Audit log pages">
            <button
              type="button"
              className="button button-secondary button-small"
              aria-disabled={cursors.length <= 1 || undefined}
              onClick={() => cursors.length > 1 && setCursors(cursors.slice(0, -1))}
            >
              Newer
            </button>
            <span>Page {cursors.length}</span>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-disabled={!data.nextCursor || undefined}
              onClick={() => data.nextCursor && setCursors([...cursors, data.nextCursor])}
            >
              Older
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function AuditRow({ event, onShowInterview }: { event: AuditEntry; onShowInterview: ((interviewId: string) => void) | undefined }) {
  return (
    <tr>
      <td className="audit-when">{formatDateTime(event.at)}</td>
      {/* Its own column when there is room; on a phone the label moves above the sentence instead. */}
      <td className="audit-event-col">{EVENT_LABEL[event.type] ?? event.type}</td>
      <td className="audit-what">
        <span className="cell-strong audit-event-inline">{EVENT_LABEL[event.type] ?? event.type}</span>
        <span className="audit-sentence">{event.sentence}</span>
        {event.actor.kind === 'user' && event.actor.email && <span className="cell-sub">by {event.actor.email}</span>}
        {event.interviewId && onShowInterview && (
          <button type="button" className="link-button" onClick={() => onShowInterview(event.interviewId!)}>
            This interview&rsquo;s history
          </button>
        )}
      </td>
    </tr>
  );
}
