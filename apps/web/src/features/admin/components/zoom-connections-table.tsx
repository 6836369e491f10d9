import { useId, useMemo, useState } from 'react';
import type { MeetingAnalyticsResponse, MeetingAnalyticsRow } from '@crm/shared/interviews';
import { ZOOM_CONNECTION_STATES, type AdminZoomConnectionRow, type ZoomConnectionState } from '@crm/shared/zoom-connection';
import { EmptyState } from '../../../components/empty-state';
import { formatDate, formatDateTime } from '../../../lib/format-date-time';
import { ZOOM_STATE_LABEL, ZoomStatePill } from './zoom-state-pill';

const ROLE_LABEL: Record<AdminZoomConnectionRow['role'], string> = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' };

export function ZoomConnectionsTable({
  users,
  analytics,
  onForceDisconnect,
}: {
  users: AdminZoomConnectionRow[];
  /** Undefined while loading or when it failed: the meetings column then shows a dash. */
  analytics: MeetingAnalyticsResponse | undefined;
  onForceDisconnect: (user: AdminZoomConnectionRow) => void;
}) {
  const searchId = useId();
  const stateId = useId();
  const captionId = useId();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<ZoomConnectionState | 'all'>('all');

  const meetingsByUser = useMemo(() => {
    const map = new Map<string, MeetingAnalyticsRow>();
    for (const row of analytics?.rows ?? []) map.set(row.interviewer.id, row);
    return map;
  }, [analytics]);

  const visible = users.filter((user) => {
    if (state !== 'all' && user.state !== state) return false;
    const needle = search.trim().toLowerCase();
    if (!needle) return true;
    return [user.name, user.email, user.zoomEmail ?? ''].some((value) => value.toLowerCase().includes(needle));
  });

  return (
    <div>
      <div className="filters" role="search" aria-label="Filter users">
        <div className="field">
          <label htmlFor={searchId}>Search name or email</label>
          <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={stateId}>Zoom state</label>
          <select id={stateId} value={state} onChange={(event) => setState(event.target.value as ZoomConnectionState | 'all')}>
            <option value="all">All states</option>
            {ZOOM_CONNECTION_STATES.map((value) => (
              <option key={value} value={value}>
                {ZOOM_STATE_LABEL[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted" aria-live="polite">
        Showing {visible.length} of {users.length} users
      </p>
      {visible.length === 0 ? (
        <EmptyState>No users match these filters.</EmptyState>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption id={captionId}>Zoom connections by user</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Zoom state</th>
                <th scope="col">Zoom email</th>
                <th scope="col">Connected since</th>
                <th scope="col">Last refresh</th>
                <th scope="col">Last problem</th>
                <th scope="col">
                  Meetings{analytics ? ` since ${formatDate(analytics.since)}` : ''}
                  <span className="th-hint">own Zoom / system account</span>
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((user) => {
                const meetings = meetingsByUser.get(user.userId);
                return (
                  <tr key={user.userId}>
                    <th scope="row">
                      <span className="cell-strong">{user.name}</span>
                      <span className="cell-sub">{user.email}</span>
                    </th>
                    <td>{ROLE_LABEL[user.role]}</td>
                    <td>
                      <ZoomStatePill state={user.state} />
                    </td>
                    <td>{user.zoomEmail ?? '—'}</td>
                    <td>{formatDateTime(user.connectedAt)}</td>
                    <td>{formatDateTime(user.lastRefreshAt)}</td>
                    <td className="cell-problem">{user.lastProblem ?? '—'}</td>
                    <td>
                      {meetings ? (
                        <MeetingCounts own={meetings.ownAccount} system={meetings.systemAccount} />
                      ) : user.role === 'interviewer' && analytics ? (
                        <MeetingCounts own={0} system={0} />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {user.state !== 'not_connected' && (
                        <button type="button" className="button button-danger button-small" onClick={() => onForceDisconnect(user)}>
                          Force disconnect<span className="sr-only"> {user.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Read as words: aria-label on a <span> is ignored, and "1 / 0" alone means nothing to a listener. */
function MeetingCounts({ own, system }: { own: number; system: number }) {
  return (
    // The words first: the visually hidden text then sits before the digits, not over them.
    <>
      <span className="sr-only">
        {own} on own Zoom, {system} on system account
      </span>
      <span aria-hidden="true">
        {own} / {system}
      </span>
    </>
  );
}
