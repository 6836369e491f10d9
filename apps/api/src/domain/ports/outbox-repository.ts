import type { OutboxStatus } from '@crm/shared/calendar';

export interface OutboxAttachment {
  filename: string;
  /** Full MIME type, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  content: string;
}

export type OutboxMessageKind = 'invitation' | 'cancellation' | 'zoom_reconnect_reminder' | 'zoom_connect_nudge' | 'account_invite';

/** An email written to the store before anyone tries to send it. */
export interface NewOutboxMessage {
  /** interview + sequence + recipient: the same invitation version never reaches one person twice (reminders: see domain/reminders). */
  idempotencyKey: string;
  interviewId: string | null;
  /** Invitation versions, plus the Zoom reminders (`domain/reminders`), which carry no calendar part. */
  kind: OutboxMessageKind;
  audience: 'candidate' | 'interviewer' | 'user';
  sequence: number;
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  attachments: OutboxAttachment[];
}

export interface OutboxMessage extends NewOutboxMessage {
  id: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}

export type OutboxDeliveryPatch =
  | { status: 'sent'; sentAt: Date }
  | { status: 'queued'; lastError: string; nextAttemptAt: Date }
  | { status: 'failed'; lastError: string };

export interface OutboxRepository {
  /** Stores the message unless one with the same idempotency key exists; `created` says which. */
  enqueue(message: NewOutboxMessage, now: Date): Promise<{ message: OutboxMessage; created: boolean }>;
  /** Atomically claims the queued message due soonest (nextAttemptAt <= now) and counts the attempt. */
  claimNextDue(owner: string, claimUntil: Date, now: Date): Promise<OutboxMessage | null>;
  /** Records the outcome of the attempt `owner` claimed; false when the claim was lost meanwhile. */
  settle(id: string, owner: string, patch: OutboxDeliveryPatch): Promise<boolean>;
  /** Newest first. */
  listRecent(limit: number): Promise<OutboxMessage[]>;
}
