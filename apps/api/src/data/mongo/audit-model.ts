import { Schema, type Connection, type Model } from 'mongoose';
import { AUDIT_EVENT_TYPES } from '@crm/shared/zoom-connection';
import type { AuditEventRecord } from '../../domain/ports/audit-repository';

export type AuditDocument = Omit<AuditEventRecord, 'id'> & { _id: string; seq: number };

export function auditModel(connection: Connection): Model<AuditDocument> {
  const schema = new Schema<AuditDocument>(
    {
      _id: { type: String, required: true },
      seq: { type: Number, required: true },
      type: { type: String, enum: AUDIT_EVENT_TYPES, required: true },
      at: { type: Date, required: true },
      actor: { userId: String, email: String, kind: String },
      subject: { userId: String, email: String },
      requestId: { type: String, default: null },
      ip: { type: String, default: null },
      details: { type: Schema.Types.Mixed, default: {} },
      interviewId: { type: String, default: undefined },
    },
    { collection: 'audit_events', versionKey: false, minimize: false },
  );
  schema.index({ at: -1, seq: -1 });
  schema.index({ 'subject.userId': 1, at: -1 });
  // One interview's history (its page reads it oldest first, the audit filter newest first); sparse: most events are about no interview.
  schema.index({ interviewId: 1, at: -1, seq: -1 }, { sparse: true });
  return connection.models.AuditEvent ?? connection.model<AuditDocument>('AuditEvent', schema);
}
