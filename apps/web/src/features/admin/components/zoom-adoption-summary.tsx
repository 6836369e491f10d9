import type { AdminZoomConnectionsResponse } from '@crm/shared/zoom-connection';
import { ZOOM_STATE_LABEL } from './zoom-state-pill';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

export function ZoomAdoptionSummary({ data }: { data: AdminZoomConnectionsResponse }) {
  const { interviewers, stateCounts } = data;
  const others = stateCounts.otherRoles;
  return (
    <>
      {/* A named group: aria-label on a plain <div> is prohibited and ignored by many screen readers. */}
      <div className="stats" role="group" aria-label="Zoom adoption">
        <div className="stat stat-primary">
          <span className="stat-label">Adoption</span>
          <span className="stat-value">{percent.format(interviewers.adoptionRate)}</span>
          <span className="stat-hint">
            {interviewers.connected} of {interviewers.total} interviewers host from their own Zoom
          </span>
        </div>
        {(['connected', 'needs_reconnect', 'not_connected'] as const).map((state) => (
          <div key={state} className={`stat stat-${state}`}>
            <span className="stat-label">{ZOOM_STATE_LABEL[state]}</span>
            <span className="stat-value">{stateCounts.interviewers[state]}</span>
            <span className="stat-hint">interviewers</span>
          </div>
        ))}
      </div>
      {/* Admins and recruiters host no interviews: their Zoom state is counted apart, not mixed into adoption. */}
      <p className="muted">
        Other roles (admins, recruiters): {others.connected} connected, {others.needs_reconnect} need reconnecting, {others.not_connected} not connected.
      </p>
    </>
  );
}
