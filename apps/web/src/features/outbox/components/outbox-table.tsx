import { useId } from 'react';
import type { OutboxStatus } from '@crm/shared/calendar';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { StatusPill, type StatusTone } from '../../../components/status-pill';
import { formatDateTime } from '../../../lib/format-date-time';
import { useOutboxMessages } from '../api/get-outbox-messages';

const STATUS: Record<OutboxStatus, { label: string; tone: StatusTone }> = {
  queued: { label: 'Queued', tone: 'warning' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** Recent invitation emails and where each stands (queued with its next try, sent, or failed with the reason). */
export function OutboxTable() {
  const titleId = useId();
  const query = useOutboxMessages();
  const messages = query.data?.messages;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Outgoing email
      </h2>
      <p className="muted">Invitations, updates and cancellations sent to candidates and interviewers, newest first.</p>
      {query.isFetching && !messages && <LoadingState label="Loading outgoing email…" />}
      {query.isError && !messages && <ErrorState title="Could not load outgoing email" error={query.error} onRetry={() => void query.refetch()} />}
      {messages && messages.length === 0 && <EmptyState>No email has been sent yet.</EmptyState>}
      {messages && messages.length > 0 && (
        <div className="table-scroll" role="region" aria-label="Outgoing email messages" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">State</th>
                <th scope="col">Attempts</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{formatDateTime(message.createdAt)}</td>
                  <td>
                    {message.to} <span className="muted">({message.audience})</span>
                  </td>
                  <td>{message.subject}</td>
                  <td>
                    <StatusPill tone={STATUS[message.status].tone}>{STATUS[message.status].label}</StatusPill>
                  </td>
                  <td>{message.attempts}</td>
                  <td className="cell-problem">
                    {message.status === 'sent' && `Sent ${formatDateTime(message.sentAt)}`}
                    {message.status === 'queued' && (message.nextAttemptAt ? `Next try ${formatDateTime(message.nextAttemptAt)}` : 'Waiting')}
                    {message.lastError && message.status !== 'sent' && ` · ${message.lastError}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
