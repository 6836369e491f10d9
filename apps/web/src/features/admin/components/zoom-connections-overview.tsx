import { useId, useState } from 'react';
import type { AdminZoomConnectionRow } from '@crm/shared/zoom-connection';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { useApiQuery } from '../../../hooks/use-api-query';
import { errorMessage } from '../../../lib/api-client';
import { fetchMeetingAnalytics, fetchZoomConnections, forceDisconnectZoom } from '../api/admin-zoom-api';
import { ZoomAdoptionSummary } from './zoom-adoption-summary';
import { ZoomConnectionsTable } from './zoom-connections-table';

/** Adoption, counts by state and the per-user table with force-disconnect. */
export function ZoomConnectionsOverview({ onChanged }: { onChanged: () => void }) {
  const titleId = useId();
  const [version, setVersion] = useState(0);
  const connections = useApiQuery(fetchZoomConnections, `connections-${version}`);
  const analytics = useApiQuery(fetchMeetingAnalytics, `analytics-${version}`);
  const [target, setTarget] = useState<AdminZoomConnectionRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; name: string } | { ok: false; error: unknown } | null>(null);

  async function onConfirm() {
    if (!target) return;
    setBusy(true);
    setOutcome(null);
    try {
      await forceDisconnectZoom(target.userId);
      setOutcome({ ok: true, name: target.name });
      setVersion((value) => value + 1);
      onChanged();
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setBusy(false);
      setTarget(null);
    }
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Zoom connections
      </h2>
      {outcome?.ok === true && (
        <Notice tone="success" onDismiss={() => setOutcome(null)}>
          <p>{outcome.name}'s Zoom connection was disconnected. Their interviews will use the system account.</p>
        </Notice>
      )}
      {outcome?.ok === false && (
        <Notice tone="error" title="Could not disconnect" onDismiss={() => setOutcome(null)}>
          <p>{errorMessage(outcome.error)}</p>
        </Notice>
      )}
      {connections.status === 'loading' && !connections.data && <LoadingState label="Loading Zoom connections…" />}
      {connections.status === 'error' && (
        <ErrorState title="Could not load Zoom connections" error={connections.error} onRetry={connections.reload} />
      )}
      {connections.data && (
        <>
          <ZoomAdoptionSummary data={connections.data} />
          {analytics.status === 'error' && (
            <p className="muted" role="status">
              Meeting counts are unavailable right now ({errorMessage(analytics.error)}).
            </p>
          )}
          <ZoomConnectionsTable users={connections.data.users} analytics={analytics.data} onForceDisconnect={setTarget} />
        </>
      )}
      {target && (
        <ConfirmDialog
          title={`Disconnect ${target.name}'s Zoom?`}
          confirmLabel="Force disconnect"
          destructive
          busy={busy}
          onConfirm={onConfirm}
          onCancel={() => setTarget(null)}
        >
          <p>
            The CRM forgets the connection to {target.zoomEmail ?? 'their Zoom account'}. New interviews they host use the
            system account until they connect again. This is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
