import type { OutboxMessageSummary } from '@crm/shared/calendar';
import type { OutboxRepository } from '../ports/outbox-repository';

/** Recent emails and where each stands, for admins; bodies and attachments stay in the store. */
export async function listOutboxMessages(outbox: Pick<OutboxRepository, 'listRecent'>, limit = 100): Promise<OutboxMessageSummary[]> {
  const messages = await outbox.listRecent(limit);
  return messages.map((message) => ({
    id: message.id,
    interviewId: message.interviewId,
    kind: message.kind,
    audience: message.audience,
    to: message.to.email,
    subject: message.subject,
    sequence: message.sequence,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    nextAttemptAt: message.status === 'queued' ? (message.nextAttemptAt?.toISOString() ?? null) : null,
  }));
}
