import { Schema, type Connection, type Model } from 'mongoose';

export interface FallbackHostSlotDocument {
  /** The pool host (ZOOM_FALLBACK_HOSTS entry): one document per host, so every reservation on it conflicts. */
  _id: string;
  /** Bumped by every write: a reservation only lands on the version it counted (compare-and-set). */
  version: number;
  slots: { interviewId: string; startTime: Date; endTime: Date }[];
}

export function fallbackHostSlotModel(connection: Connection): Model<FallbackHostSlotDocument> {
  const schema = new Schema<FallbackHostSlotDocument>(
    {
      _id: { type: String, required: true },
      version: { type: Number, required: true },
      slots: [{ _id: false, interviewId: { type: String, required: true }, startTime: { type: Date, required: true }, endTime: { type: Date, required: true } }],
    },
    { collection: 'fallback_host_slots', versionKey: false },
  );
  schema.index({ 'slots.interviewId': 1 });
  return connection.models.FallbackHostSlot ?? connection.model<FallbackHostSlotDocument>('FallbackHostSlot', schema);
}
