import { Schema, type Connection, type Model } from 'mongoose';

export interface InterviewRecordingDocument {
  /** The interview id. */
  _id: string;
  zoomMeetingId: string;
  playUrl: string | null;
  shareUrl: string | null;
  durationMinutes: number | null;
  recordedAt: Date | null;
  transcriptText: string | null;
  transcriptStoredAt: Date | null;
  transcriptDeletedAt: Date | null;
  updatedAt: Date;
}

export interface RecordingSettingsDocument {
  /** Always `organisation`: one document. */
  _id: string;
  transcriptRetentionDays: number;
  updatedAt: Date;
}

export function interviewRecordingModel(connection: Connection): Model<InterviewRecordingDocument> {
  const schema = new Schema<InterviewRecordingDocument>(
    {
      _id: { type: String, required: true },
      zoomMeetingId: { type: String, required: true },
      playUrl: { type: String, default: null },
      shareUrl: { type: String, default: null },
      durationMinutes: { type: Number, default: null },
      recordedAt: { type: Date, default: null },
      transcriptText: { type: String, default: null },
      transcriptStoredAt: { type: Date, default: null },
      transcriptDeletedAt: { type: Date, default: null },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'interview_recordings', versionKey: false },
  );
  // The retention sweep and the analytics window.
  schema.index({ transcriptStoredAt: 1 }, { partialFilterExpression: { transcriptText: { $type: 'string' } } });
  schema.index({ recordedAt: 1 });
  return connection.models.InterviewRecording ?? connection.model<InterviewRecordingDocument>('InterviewRecording', schema);
}

export function recordingSettingsModel(connection: Connection): Model<RecordingSettingsDocument> {
  const schema = new Schema<RecordingSettingsDocument>(
    {
      _id: { type: String, required: true },
      transcriptRetentionDays: { type: Number, required: true },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'recording_settings', versionKey: false },
  );
  return connection.models.RecordingSettings ?? connection.model<RecordingSettingsDocument>('RecordingSettings', schema);
}
