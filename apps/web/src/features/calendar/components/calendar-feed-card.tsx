import { useId, useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { useCalendarFeedStatus } from '../api/get-calendar-feed-status';
import { useRegenerateCalendarFeedMutation, useRevokeCalendarFeedMutation } from '../api/use-calendar-feed-mutations';

/**
 * The interviewer's private calendar link, for Google Calendar, Outlook or Apple Calendar to subscribe to.
 * The link is shown once, when made (the server keeps only a hash); making a new one retires the old one.
 */
export function CalendarFeedCard() {
  const titleId = useId();
  const urlId = useId();
  const status = useCalendarFeedStatus();
  const regenerate = useRegenerateCalendarFeedMutation();
  const revoke = useRevokeCalendarFeedMutation();
  const [copied, setCopied] = useState(false);
  const freshUrl = status.data?.active ? regenerate.data?.url : undefined;

  function makeLink() {
    setCopied(false);
    revoke.reset();
    regenerate.mutate();
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): select the text so Ctrl+C works.
      (document.getElementById(urlId) as HTMLInputElement | null)?.select();
    }
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Calendar subscription
      </h2>
      <p className="muted">A private link to your interviews (upcoming and the last 30 days) that your calendar app keeps up to date.</p>
      {status.isFetching && !status.data && <LoadingState label="Loading your calendar link…" />}
      {status.isError && !status.data && <ErrorState title="Could not load your calendar link" error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && !status.data.active && <p>No calendar link is active.</p>}
      {status.data?.active && !freshUrl && <p>A calendar link is active (made {formatDateTime(status.data.createdAt)}). It is shown only when made: make a new one to see it again.</p>}
      {freshUrl && (
        <div className="field">
          <label htmlFor={urlId}>Your calendar link</label>
          <input id={urlId} type="text" readOnly value={freshUrl} aria-describedby={`${urlId}-hint`} onFocus={(event) => event.currentTarget.select()} />
          <span id={`${urlId}-hint`} className="hint">
            Copy it now; it is shown only once. Add it in Google Calendar (Other calendars → From URL), Outlook (Add calendar → Subscribe from web) or Apple Calendar (File → New Calendar Subscription). Anyone with the link can see your interviews.
          </span>
        </div>
      )}
      {copied && (
        <Notice tone="success">
          <p>Calendar link copied.</p>
        </Notice>
      )}
      {regenerate.isError && (
        <Notice tone="error" title="Could not make a calendar link">
          <p>{errorMessage(regenerate.error)}</p>
        </Notice>
      )}
      {revoke.isSuccess && (
        <Notice tone="info">
          <p>Calendar link revoked. Calendars subscribed to it stop updating.</p>
        </Notice>
      )}
      {revoke.isError && (
        <Notice tone="error" title="Could not revoke the calendar link">
          <p>{errorMessage(revoke.error)}</p>
        </Notice>
      )}
      {status.data && (
        <div className="button-row">
          {freshUrl && (
            <button type="button" className="button button-primary" onClick={() => void copy(freshUrl)}>
              Copy link
            </button>
          )}
          <button type="button" className={freshUrl ? 'button button-secondary' : 'button button-primary'} onClick={makeLink} disabled={regenerate.isPending}>
            {regenerate.isPending ? 'Making a link…' : status.data.active ? 'Make a new link' : 'Create calendar link'}
          </button>
          {status.data.active && (
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => {
                setCopied(false);
                regenerate.reset();
                revoke.mutate();
              }}
              disabled={revoke.isPending}
            >
              Revoke link
            </button>
          )}
        </div>
      )}
    </section>
  );
}
