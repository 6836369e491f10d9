import { Schema, type Connection, type Model } from 'mongoose';
import { AUTO_RECORDING_OPTIONS } from '@crm/shared/interviews';

export interface MeetingDefaultsDocument {
  /** The CRM user id. */
  _id: string;
  waitingRoom: boolean;
  autoRecording: (typeof AUTO_RECORDING_OPTIONS)[number];
  joinBeforeHost: boolean;
  muteUponEntry: boolean;
  updatedAt: Date;
}

export function meetingDefaultsModel(connection: Connection): Model<MeetingDefaultsDocument> {
  const schema = new Schema<MeetingDefaultsDocument>(
    {
      _id: { type: String, required: true },
      waitingRoom: { type: Boolean, required: true },
      autoRecording: { type: String, enum: AUTO_RECORDING_OPTIONS, required: true },
      joinBeforeHost: { type: Boolean, required: true },
      muteUponEntry: { type: Boolean, required: true },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'meeting_defaults', versionKey: false },
  );
  return connection.models.MeetingDefaults ?? connection.model<MeetingDefaultsDocument>('MeetingDefaults', schema);
}
