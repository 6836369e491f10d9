import type { RecordingSettings } from '@crm/shared/recordings';
import type {
  InterviewRecording,
  InterviewRecordingRepository,
  RecordingLinks,
  RecordingSettingsRepository,
} from '../../domain/ports/interview-recording-repository';

function blank(interviewId: string, zoomMeetingId: string, now: Date): InterviewRecording {
  return {
    interviewId,
    zoomMeetingId,
    playUrl: null,
    shareUrl: null,
    durationMinutes: null,
    recordedAt: null,
    transcriptText: null,
    transcriptStoredAt: null,
    transcriptDeletedAt: null,
    updatedAt: now,
  };
}

export class MemoryInterviewRecordingRepository implements InterviewRecordingRepository {
  private readonly rows = new Map<string, InterviewRecording>();

  async find(interviewId: string): Promise<InterviewRecording | null> {
    const row = this.rows.get(interviewId);
    return row ? structuredClone(row) : null;
  }

  async saveLinks(interviewId: string, links: RecordingLinks, now: Date): Promise<void> {
    const row = this.rows.get(interviewId) ?? blank(interviewId, links.zoomMeetingId, now);
    this.rows.set(interviewId, { ...row, ...structuredClone(links), updatedAt: new Date(now) });
  }

  async saveTranscript(interviewId: string, transcript: { zoomMeetingId: string; text: string }, now: Date): Promise<void> {
    const row = this.rows.get(interviewId) ?? blank(interviewId, transcript.zoomMeetingId, now);
    this.rows.set(interviewId, { ...row, transcriptText: transcript.text, transcriptStoredAt: new Date(now), transcriptDeletedAt: null, updatedAt: new Date(now) });
  }

  async deleteTranscriptsStoredBefore(cutoff: Date, now: Date): Promise<number> {
    let count = 0;
    for (const row of this.rows.values()) {
      if (row.transcriptText === null || !row.transcriptStoredAt || row.transcriptStoredAt.getTime() >= cutoff.getTime()) continue;
      Object.assign(row, { transcriptText: null, transcriptDeletedAt: new Date(now), updatedAt: new Date(now) });
      count += 1;
    }
    return count;
  }

  async listRecordedSince(since: Date): Promise<Array<{ interviewId: string; recordedAt: Date }>> {
    return [...this.rows.values()]
      .filter((row) => row.recordedAt !== null && row.recordedAt.getTime() >= since.getTime())
      .map((row) => ({ interviewId: row.interviewId, recordedAt: new Date(row.recordedAt!) }));
  }
}

export class MemoryRecordingSettingsRepository implements RecordingSettingsRepository {
  private settings: RecordingSettings | null = null;

  async get(): Promise<RecordingSettings | null> {
    return this.settings ? { ...this.settings } : null;
  }

  async put(settings: RecordingSettings): Promise<RecordingSettings> {
    this.settings = { ...settings };
    return { ...settings };
  }
}
