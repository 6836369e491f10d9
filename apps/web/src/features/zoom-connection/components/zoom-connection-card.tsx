import { useId, useState } from 'react';
import type { ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { StatusPill } from '../../../components/status-pill';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { useHostedInterviews } from '../api/get-hosted-interviews';
import { ZOOM_CONNECT_PATH, useZoomStatus } from '../api/get-zoom-status';
import { useDisconnectZoomMutation } from '../api/use-disconnect-zoom-mutation';
import { ZoomCallbackMessage } from './zoom-callback-message';

/**
 * Account Settings → Zoom: connect, see the connection, reconnect when Zoom stopped accepting it,
 * disconnect; plus what happened after coming back from Zoom's consent page.
 */
export function ZoomConnectionCard({
  callbackResult,
  onDismissCallback,
  accountEmail,
}: {
  callbackResult: string | null;
  onDismissCallback: () => void;
  /** The signed-in user's CRM email, to point out a Zoom account with another email. */
  accountEmail?: string;
}) {
  const titleId = useId();
  const status = useZoomStatus();
  const disconnect = useDisconnectZoomMutation();
  const [confirming, setConfirming] = useState(false);
  const hosted = useHostedInterviews(confirming);
  const moving = hosted.data?.interviews ?? [];

  function onDisconnect() {
    disconnect.mutate(undefined, {
      onSuccess: onDismissCallback,
      onSettled: () => setConfirming(false),
    });
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Zoom
      </h2>
      {/* A hand-edited ?zoom=connected must not claim success beside a card that says otherwise. */}
      {callbackResult && !(callbackResult === 'connected' && status.data && status.data.state !== 'connected') && (
        <ZoomCallbackMessage result={callbackResult} onDismiss={onDismissCallback} zoomEmail={status.data?.zoomEmail} accountEmail={accountEmail} />
      )}
      {disconnect.isSuccess && (
        <Notice tone="info" onDismiss={() => disconnect.reset()}>
          <p>Zoom is disconnected. Interviews you host will use the system account until you connect again.</p>
        </Notice>
      )}
      {disconnect.isError && (
        <Notice tone="error" title="Could not disconnect Zoom">
          <p>{errorMessage(disconnect.error)}</p>
        </Notice>
      )}

      {status.isFetching && !status.data && <LoadingState label="Checking your Zoom connection…" />}
      {status.isError && !status.isFetching && (
        <ErrorState title="Could not load your Zoom connection" error={status.error} onRetry={() => void status.refetch()} />
      )}
      {status.data && <ZoomConnectionDetails status={status.data} onDisconnect={() => setConfirming(true)} />}

      {confirming && (
        <ConfirmDialog
          title="Disconnect Zoom?"
          confirmLabel="Disconnect"
          destructive
          busy={disconnect.isPending}
          onConfirm={onDisconnect}
          onCancel={() => setConfirming(false)}
        >
          <p>New interviews you host will be created on the system account until you connect again.</p>
          {hosted.isFetching && <p>Checking which upcoming interviews are hosted on your Zoom…</p>}
          {moving.length > 0 && (
            <>
              <p>
                {moving.length === 1 ? 'This upcoming interview moves' : `These ${moving.length} upcoming interviews move`} to the
                system account, with a new join link the candidate must be sent:
              </p>
              <ul className="hosted-interviews">
                {moving.map((interview) => (
                  <li key={interview.id}>
                    {interview.candidateName} · {interview.position} · <time dateTime={interview.startTime}>{formatDateTime(interview.startTime)}</time>
                  </li>
                ))}
              </ul>
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function ZoomConnectionDetails({ status, onDisconnect }: { status: ZoomStatusResponse; onDisconnect: () => void }) {
  if (status.state === 'not_connected') {
    return (
      <div className="zoom-state">
        <p className="zoom-status-line">
          Status: <StatusPill tone="neutral">Not connected</StatusPill>
        </p>
        <p>
          Connect your own Zoom account so interviews you host are created there: they appear in your Zoom dashboard,
          recordings land in your account, and nobody else's account is a single point of failure.
        </p>
        <a className="button button-primary" href={ZOOM_CONNECT_PATH}>
          Connect Zoom
        </a>
      </div>
    );
  }

  if (status.state === 'needs_reconnect') {
    return (
      <div className="zoom-state">
        <p className="zoom-status-line">
          Status: <StatusPill tone="warning">Needs reconnect</StatusPill>
        </p>
        <p className="zoom-problem">
          {status.lastProblem ?? 'Zoom no longer accepts this connection.'} Until you reconnect, interviews you host use
          the system account.
        </p>
        <ZoomFacts status={status} />
        <div className="button-row">
          <a className="button button-primary" href={ZOOM_CONNECT_PATH}>
            Reconnect
          </a>
          <button type="button" className="button button-secondary" onClick={onDisconnect}>
            Disconnect
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="zoom-state">
      <p className="zoom-status-line">
        Status: <StatusPill tone="success">Connected</StatusPill>
      </p>
      <ZoomFacts status={status} />
      <button type="button" className="button button-secondary" onClick={onDisconnect}>
        Disconnect
      </button>
    </div>
  );
}

function ZoomFacts({ status }: { status: ZoomStatusResponse }) {
  return (
    <dl className="facts">
      <div>
        <dt>Zoom account</dt>
        <dd>{status.zoomEmail ?? '—'}</dd>
      </div>
      <div>
        <dt>Connected since</dt>
        <dd>{formatDateTime(status.connectedAt)}</dd>
      </div>
      {status.lastRefreshAt && (
        <div>
          <dt>Last checked with Zoom</dt>
          <dd>{formatDateTime(status.lastRefreshAt)}</dd>
        </div>
      )}
    </dl>
  );
}
