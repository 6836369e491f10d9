import { Schema, type Connection, type Model } from 'mongoose';

export interface SettingsDocument {
  /** One document per kind of setting, e.g. `scheduling`. */
  _id: string;
  requireInterviewerZoom?: boolean;
  updatedAt: Date;
  updatedBy: string;
}

export function settingsModel(connection: Connection): Model<SettingsDocument> {
  const schema = new Schema<SettingsDocument>(
    {
      _id: { type: String, required: true },
      requireInterviewerZoom: { type: Boolean },
      updatedAt: { type: Date, required: true },
      updatedBy: { type: String, required: true },
    },
    { collection: 'settings', versionKey: false },
  );
  return connection.models.Settings ?? connection.model<SettingsDocument>('Settings', schema);
}
