import type { Model } from 'mongoose';
import type { RecordingSettings } from '@crm/shared/recordings';
import type {
  InterviewRecording,
  InterviewRecordingRepository,
  RecordingLinks,
  RecordingSettingsRepository,
} from '../../domain/ports/interview-recording-repository';
import type { InterviewRecordingDocument, RecordingSettingsDocument } from './interview-recording-model';

function toRecording(doc: InterviewRecordingDocument): InterviewRecording {
  const { _id, ...rest } = doc;
  return {
    interviewId: _id,
    zoomMeetingId: rest.zoomMeetingId,
    playUrl: rest.playUrl ?? null,
    shareUrl: rest.shareUrl ?? null,
    durationMinutes: rest.durationMinutes ?? null,
    recordedAt: rest.recordedAt ?? null,
    transcriptText: rest.transcriptText ?? null,
    transcriptStoredAt: rest.transcriptStoredAt ?? null,
    transcriptDeletedAt: rest.transcriptDeletedAt ?? null,
    updatedAt: rest.updatedAt,
  };
}

export class MongoInterviewRecordingRepository implements InterviewRecordingRepository {
  constructor(private readonly model: Model<InterviewRecordingDocument>) {}

  async find(interviewId: string): Promise<InterviewRecording | null> {
    const doc = await this.model.findById(interviewId).lean<InterviewRecordingDocument>();
    return doc ? toRecording(doc) : null;
  }

  async saveLinks(interviewId: string, links: RecordingLinks, now: Date): Promise<void> {
    await this.model.updateOne({ _id: interviewId }, { $set: { ...links, updatedAt: now } }, { upsert: true });
  }

  async saveTranscript(interviewId: string, transcript: { zoomMeetingId: string; text: string }, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: interviewId },
      {
        $set: { transcriptText: transcript.text, transcriptStoredAt: now, transcriptDeletedAt: null, updatedAt: now },
        $setOnInsert: { zoomMeetingId: transcript.zoomMeetingId },
      },
      { upsert: true },
    );
  }

  async deleteTranscriptsStoredBefore(cutoff: Date, now: Date): Promise<number> {
    const updated = await this.model.updateMany(
      { transcriptText: { $type: 'string' }, transcriptStoredAt: { $lt: cutoff } },
      { $set: { transcriptText: null, transcriptDeletedAt: now, updatedAt: now } },
    );
    return updated.modifiedCount;
  }

  async listRecordedSince(since: Date): Promise<Array<{ interviewId: string; recordedAt: Date }>> {
    const docs = await this.model.find({ recordedAt: { $gte: since } }, { _id: 1, recordedAt: 1 }).lean<Array<Pick<InterviewRecordingDocument, '_id' | 'recordedAt'>>>();
    return docs.map((doc) => ({ interviewId: doc._id, recordedAt: doc.recordedAt! }));
  }
}

const SETTINGS_ID = 'organisation';

export class MongoRecordingSettingsRepository implements RecordingSettingsRepository {
  constructor(private readonly model: Model<RecordingSettingsDocument>) {}

  async get(): Promise<RecordingSettings | null> {
    const doc = await this.model.findById(SETTINGS_ID).lean<RecordingSettingsDocument>();
    return doc ? { transcriptRetentionDays: doc.transcriptRetentionDays } : null;
  }

  async put(settings: RecordingSettings, now: Date): Promise<RecordingSettings> {
    await this.model.updateOne({ _id: SETTINGS_ID }, { $set: { transcriptRetentionDays: settings.transcriptRetentionDays, updatedAt: now } }, { upsert: true });
    return { transcriptRetentionDays: settings.transcriptRetentionDays };
  }
}
