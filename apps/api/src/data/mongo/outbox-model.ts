import { Schema, type Connection, type Model } from 'mongoose';
import { OUTBOX_STATUSES, type OutboxStatus } from '@crm/shared/calendar';
import type { OutboxAttachment, OutboxMessageKind } from '../../domain/ports/outbox-repository';

export interface OutboxDocument {
  _id: string;
  idempotencyKey: string;
  interviewId: string | null;
  kind: OutboxMessageKind;
  audience: 'candidate' | 'interviewer' | 'user';
  sequence: number;
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  attachments: OutboxAttachment[];
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
}

export function outboxModel(connection: Connection): Model<OutboxDocument> {
  const schema = new Schema<OutboxDocument>(
    {
      _id: { type: String, required: true },
      idempotencyKey: { type: String, required: true },
      interviewId: { type: String, default: null },
      kind: { type: String, required: true },
      audience: { type: String, required: true },
      sequence: { type: Number, required: true },
      to: { _id: false, name: { type: String, default: '' }, email: { type: String, required: true } },
      subject: { type: String, required: true },
      text: { type: String, required: true },
      html: { type: String, required: true },
      attachments: [{ _id: false, filename: String, contentType: String, content: String }],
      status: { type: String, enum: OUTBOX_STATUSES, required: true },
      attempts: { type: Number, required: true },
      lastError: { type: String, default: null },
      createdAt: { type: Date, required: true },
      nextAttemptAt: { type: Date, default: null },
      sentAt: { type: Date, default: null },
      claimedBy: { type: String, default: null },
      claimExpiresAt: { type: Date, default: null },
    },
    { collection: 'mail_outbox', versionKey: false },
  );
  // The idempotency key is what makes "sends nothing twice" hold across processes.
  schema.index({ idempotencyKey: 1 }, { unique: true });
  schema.index({ status: 1, nextAttemptAt: 1 });
  schema.index({ createdAt: -1 });
  return connection.models.MailOutbox ?? connection.model<OutboxDocument>('MailOutbox', schema);
}
