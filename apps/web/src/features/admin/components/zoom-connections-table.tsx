import { useId, useMemo, useState } from 'react';
import type { MeetingAnalyticsResponse, MeetingAnalyticsRow } from '@crm/shared/interviews';
import { ZOOM_CONNECTION_STATES, type AdminZoomConnectionRow, type ZoomConnectionState } from '@crm/shared/zoom-connection';
import { EmptyState } from '../../../components/empty-state';
import { formatDate } from '../../../lib/format-date-time';
import { ConnectionDetailsDrawer } from './connection-details-drawer';
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
  const [detailsFor, setDetailsFor] = useState<AdminZoomConnectionRow | null>(null);

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
        // Key columns only (who, state, problem, meetings, actions) so nothing scrolls sideways at 1280 px;
        // at phone width the problem and meetings columns give way too. Everything else: the details drawer.
        <div className="table-scroll table-fits" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table connections-table">
            <caption id={captionId}>Zoom connections by user</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Zoom state</th>
                <th scope="col" className="col-secondary">
                  Last problem
                </th>
                <th scope="col" className="col-secondary">
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
                      <span className="cell-sub cell-wrap">{user.email}</span>
                      <span className="cell-sub">{ROLE_LABEL[user.role]}</span>
                    </th>
                    <td>
                      <ZoomStatePill state={user.state} />
                      {user.zoomEmail && <span className="cell-sub cell-wrap">{user.zoomEmail}</span>}
                    </td>
                    <td className="col-secondary cell-wrap">{user.lastProblem ?? '—'}</td>
                    <td className="col-secondary">
                      {meetings ? (
                        <MeetingCounts own={meetings.ownAccount} system={meetings.systemAccount} />
                      ) : user.role === 'interviewer' && analytics ? (
                        <MeetingCounts own={0} system={0} />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <span className="row-actions">
                        <button type="button" className="button button-secondary button-small" onClick={() => setDetailsFor(user)}>
                          Details<span className="sr-only"> of {user.name}</span>
                        </button>
                        {user.state !== 'not_connected' && (
                          <button type="button" className="button button-danger button-small row-force" onClick={() => onForceDisconnect(user)}>
                            Force disconnect<span className="sr-only"> {user.name}</span>
                          </button>
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {detailsFor && (
        <ConnectionDetailsDrawer
          user={detailsFor}
          meetings={meetingsByUser.get(detailsFor.userId)}
          since={analytics?.since}
          onClose={() => setDetailsFor(null)}
          onForceDisconnect={onForceDisconnect}
        />
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
