import { useId, useState } from 'react';
import type { AdminZoomConnectionRow } from '@crm/shared/zoom-connection';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { useMeetingAnalytics } from '../api/get-meeting-analytics';
import { useZoomConnectionPages } from '../api/get-zoom-connections';
import { useForceDisconnectZoomMutation } from '../api/use-force-disconnect-zoom-mutation';
import { ZoomAdoptionSummary } from './zoom-adoption-summary';
import { ZoomConnectNudge } from './zoom-connect-nudge';
import { ZoomConnectionsTable } from './zoom-connections-table';
import { useConnectionFilters } from './use-connection-filters';

/** Adoption, counts by state and the per-user table with force-disconnect. */
export function ZoomConnectionsOverview() {
  const titleId = useId();
  // Paged and filtered by the API (filters in the URL): an organisation may have thousands of users.
  const filterView = useConnectionFilters();
  const connections = useZoomConnectionPages(filterView.filters);
  // Totals and adoption cover every user whatever the filter: any page carries them.
  const first = connections.data?.pages[0];
  const analytics = useMeetingAnalytics();
  const forceDisconnect = useForceDisconnectZoomMutation();
  const [target, setTarget] = useState<AdminZoomConnectionRow | null>(null);
  const [outcome, setOutcome] = useState<{ ok: true; name: string } | { ok: false; error: unknown } | null>(null);

  function onConfirm() {
    if (!target) return;
    setOutcome(null);
    forceDisconnect.mutate(target.userId, {
      onSuccess: () => setOutcome({ ok: true, name: target.name }),
      onError: (error) => setOutcome({ ok: false, error }),
      onSettled: () => setTarget(null),
    });
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
      {connections.isFetching && !connections.data && <LoadingState label="Loading Zoom connections…" />}
      {connections.isError && !connections.isFetching && (
        <ErrorState title="Could not load Zoom connections" error={connections.error} onRetry={() => void connections.refetch()} />
      )}
      {first && (
        <>
          <ZoomAdoptionSummary data={first} />
          <ZoomConnectNudge unconnected={first.interviewers.total - first.interviewers.connected} />
          {analytics.isError && !analytics.isFetching && (
            <p className="muted" role="status">
              Meeting counts are unavailable right now ({errorMessage(analytics.error)}).
            </p>
          )}
          <ZoomConnectionsTable
            users={connections.data!.pages.flatMap((page) => page.users)}
            filters={filterView}
            more={{ hasMore: connections.hasNextPage, loading: connections.isFetchingNextPage || connections.isPlaceholderData, load: () => void connections.fetchNextPage() }}
            analytics={analytics.data}
            onForceDisconnect={setTarget}
          />
        </>
      )}
      {target && (
        <ConfirmDialog
          title={`Disconnect ${target.name}'s Zoom?`}
          confirmLabel="Force disconnect"
          destructive
          busy={forceDisconnect.isPending}
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
