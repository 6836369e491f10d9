import { useEffect, useId, useMemo, useState } from 'react';
import type { MeetingAnalyticsResponse, MeetingAnalyticsRow } from '@crm/shared/interviews';
import { ZOOM_CONNECTION_STATES, type AdminZoomConnectionRow } from '@crm/shared/zoom-connection';
import { EmptyState } from '../../../components/empty-state';
import { formatDate } from '../../../lib/format-date-time';
import { ConnectionDetailsDrawer } from './connection-details-drawer';
import type { ConnectionFilterView } from './use-connection-filters';
import { ZOOM_STATE_LABEL, ZoomStatePill } from './zoom-state-pill';

/** Typing settles before the URL (and the API) is asked. */
const SEARCH_SETTLE_MS = 300;

const ROLE_LABEL: Record<AdminZoomConnectionRow['role'], string> = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' };

/**
 * The per-user table. The API searches, filters and pages (see use-connection-filters.ts): the rows are the
 * pages loaded so far for the filters in the URL, and "Load more users" asks for the next page.
 */
export function ZoomConnectionsTable({
  users,
  filters,
  more,
  analytics,
  onForceDisconnect,
}: {
  /** The rows of every page loaded so far, in the API's order. */
  users: AdminZoomConnectionRow[];
  filters: ConnectionFilterView;
  more: { hasMore: boolean; loading: boolean; load: () => void };
  /** Undefined while loading or when it failed: the meetings column then shows a dash. */
  analytics: MeetingAnalyticsResponse | undefined;
  onForceDisconnect: (user: AdminZoomConnectionRow) => void;
}) {
  const searchId = useId();
  const stateId = useId();
  const captionId = useId();
  const [detailsFor, setDetailsFor] = useState<AdminZoomConnectionRow | null>(null);
  const { set } = filters;
  const inUrl = filters.values.q;
  // What is typed, and the URL value it was typed over: when a shared link or Back changes the URL, the box follows it.
  const [draft, setDraft] = useState({ over: inUrl, text: inUrl });
  const typed = draft.over === inUrl ? draft.text : inUrl;
  useEffect(() => {
    if (typed === inUrl) return;
    const timer = setTimeout(() => set('q', typed), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [typed, inUrl, set]);

  const meetingsByUser = useMemo(() => {
    const map = new Map<string, MeetingAnalyticsRow>();
    for (const row of analytics?.rows ?? []) map.set(row.interviewer.id, row);
    return map;
  }, [analytics]);

  return (
    <div>
      <div className="filters" role="search" aria-label="Filter users">
        <div className="field">
          <label htmlFor={searchId}>Search name or email</label>
          <input id={searchId} type="search" value={typed} maxLength={100} autoComplete="off" onChange={(event) => setDraft({ over: inUrl, text: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={stateId}>Zoom state</label>
          <select id={stateId} value={filters.values.state} onChange={(event) => set('state', event.target.value)}>
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
        Showing {users.length} {users.length === 1 ? 'user' : 'users'}
        {more.hasMore ? ', more below' : ''}
      </p>
      {users.length === 0 ? (
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
              {users.map((user) => {
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
      {more.hasMore && (
        <div className="button-row">
          <button type="button" className="button button-secondary" disabled={more.loading} onClick={more.load}>
            {more.loading ? 'Loading more…' : 'Load more users'}
          </button>
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
