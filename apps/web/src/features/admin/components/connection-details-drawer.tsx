import { useEffect, useId, useRef } from 'react';
import type { MeetingAnalyticsRow } from '@crm/shared/interviews';
import type { AdminZoomConnectionRow } from '@crm/shared/zoom-connection';
import { formatDate, formatDateTime } from '../../../lib/format-date-time';
import { ZoomStatePill } from './zoom-state-pill';

const ROLE_LABEL: Record<AdminZoomConnectionRow['role'], string> = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' };

/**
 * Everything about one user's connection that the table leaves out, in a modal side panel (a native
 * <dialog>: focus moves in, Escape closes, focus returns to the button that opened it).
 */
export function ConnectionDetailsDrawer({
  user,
  meetings,
  since,
  onClose,
  onForceDisconnect,
}: {
  user: AdminZoomConnectionRow;
  meetings: MeetingAnalyticsRow | undefined;
  since: string | undefined;
  onClose: () => void;
  onForceDisconnect: (user: AdminZoomConnectionRow) => void;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // No close() on cleanup: React's development double-run would close it (and unmount it) at once;
    // removing the element on unmount ends the modal anyway.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{user.name}</h2>
      <dl className="details-list">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABEL[user.role]}</dd>
        <dt>Zoom state</dt>
        <dd>
          <ZoomStatePill state={user.state} />
        </dd>
        <dt>Zoom email</dt>
        <dd>{user.zoomEmail ?? '—'}</dd>
        <dt>Connected since</dt>
        <dd>{formatDateTime(user.connectedAt)}</dd>
        <dt>Last refresh</dt>
        <dd>{formatDateTime(user.lastRefreshAt)}</dd>
        <dt>Last problem</dt>
        <dd>{user.lastProblem ?? '—'}</dd>
        <dt>Meetings{since ? ` since ${formatDate(since)}` : ''}</dt>
        <dd>{meetings ? `${meetings.ownAccount} on own Zoom, ${meetings.systemAccount} on the system account` : '—'}</dd>
      </dl>
      <div className="drawer-actions">
        {user.state !== 'not_connected' && (
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              ref.current?.close();
              onForceDisconnect(user);
            }}
          >
            Force disconnect
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
