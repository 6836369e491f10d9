import { Schema, type Connection, type Model } from 'mongoose';
import type { ZoomEventRecord } from '../../domain/ports/zoom-event-repository';

export type ZoomEventDocument = Omit<ZoomEventRecord, 'id'> & { _id: string; claimedBy: string | null; claimUntil: Date | null };

export function zoomEventModel(connection: Connection): Model<ZoomEventDocument> {
  const schema = new Schema<ZoomEventDocument>(
    {
      _id: { type: String, required: true },
      dedupeKey: { type: String, required: true },
      event: { type: String, required: true },
      eventTs: { type: Number, default: null },
      body: { type: Schema.Types.Mixed, required: true },
      receivedAt: { type: Date, required: true },
      receivedBy: { type: new Schema({ requestId: { type: String, default: null }, ip: { type: String, default: null } }, { _id: false }), required: true },
      status: { type: String, enum: ['pending', 'processed', 'failed'], required: true },
      attempts: { type: Number, required: true, default: 0 },
      nextAttemptAt: { type: Date, required: true },
      outcome: { type: String, default: null },
      lastError: { type: String, default: null },
      processedAt: { type: Date, default: null },
      duplicateDeliveries: { type: Number, required: true, default: 0 },
      claimedBy: { type: String, default: null },
      claimUntil: { type: Date, default: null },
    },
    // Payloads keep Zoom's own field names (some with dots in values, none in keys); minimize off keeps empty objects.
    { collection: 'zoom_events', versionKey: false, minimize: false },
  );
  // The dedupe: a retried delivery collides here instead of being stored twice, even across processes.
  schema.index({ dedupeKey: 1 }, { unique: true });
  schema.index({ status: 1, nextAttemptAt: 1 });
  return connection.models.ZoomEvent ?? connection.model<ZoomEventDocument>('ZoomEvent', schema);
}
