import { randomUUID } from 'node:crypto';
import type { NewOutboxMessage, OutboxDeliveryPatch, OutboxMessage, OutboxRepository } from '../../domain/ports/outbox-repository';

interface StoredMessage {
  message: OutboxMessage;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
}

function copy(message: OutboxMessage): OutboxMessage {
  return structuredClone(message);
}

export class MemoryOutboxRepository implements OutboxRepository {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly byKey = new Map<string, string>();

  async enqueue(input: NewOutboxMessage, now: Date): Promise<{ message: OutboxMessage; created: boolean }> {
    const existing = this.byKey.get(input.idempotencyKey);
    if (existing) return { message: copy(this.messages.get(existing)!.message), created: false };
    const message: OutboxMessage = { ...structuredClone(input), id: randomUUID(), status: 'queued', attempts: 0, lastError: null, createdAt: now, nextAttemptAt: now, sentAt: null };
    this.messages.set(message.id, { message, claimedBy: null, claimExpiresAt: null });
    this.byKey.set(input.idempotencyKey, message.id);
    return { message: copy(message), created: true };
  }

  async claimNextDue(owner: string, claimUntil: Date, now: Date): Promise<OutboxMessage | null> {
    let due: StoredMessage | null = null;
    for (const stored of this.messages.values()) {
      const { message } = stored;
      if (message.status !== 'queued' || !message.nextAttemptAt || message.nextAttemptAt > now) continue;
      if (stored.claimedBy && stored.claimExpiresAt && stored.claimExpiresAt > now) continue;
      if (!due || message.nextAttemptAt < due.message.nextAttemptAt! || (message.nextAttemptAt.getTime() === due.message.nextAttemptAt!.getTime() && message.createdAt < due.message.createdAt)) due = stored;
    }
    if (!due) return null;
    due.claimedBy = owner;
    due.claimExpiresAt = claimUntil;
    due.message.attempts += 1;
    return copy(due.message);
  }

  async settle(id: string, owner: string, patch: OutboxDeliveryPatch): Promise<boolean> {
    const stored = this.messages.get(id);
    if (!stored || stored.claimedBy !== owner) return false;
    const { message } = stored;
    message.status = patch.status;
    if (patch.status === 'sent') {
      message.sentAt = patch.sentAt;
      message.nextAttemptAt = null;
      message.lastError = null;
    } else {
      message.lastError = patch.lastError;
      message.nextAttemptAt = patch.status === 'queued' ? patch.nextAttemptAt : null;
    }
    stored.claimedBy = null;
    stored.claimExpiresAt = null;
    return true;
  }

  async listRecent(limit: number): Promise<OutboxMessage[]> {
    return [...this.messages.values()]
      .map((stored) => stored.message)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit)
      .map(copy);
  }
}
