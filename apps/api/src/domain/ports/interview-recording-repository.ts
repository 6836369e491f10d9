import type { RecordingSettings } from '@crm/shared/recordings';

/** What Zoom's cloud recording of an interview's meeting left with the CRM: links, duration, transcript text. */
export interface InterviewRecording {
  interviewId: string;
  zoomMeetingId: string;
  playUrl: string | null;
  shareUrl: string | null;
  durationMinutes: number | null;
  recordedAt: Date | null;
  /** The VTT text; null before it arrives and after retention removed it. */
  transcriptText: string | null;
  transcriptStoredAt: Date | null;
  /** When retention removed the transcript text. */
  transcriptDeletedAt: Date | null;
  updatedAt: Date;
}

export interface RecordingLinks {
  zoomMeetingId: string;
  playUrl: string | null;
  shareUrl: string | null;
  durationMinutes: number | null;
  recordedAt: Date | null;
}

/** One row per interview; both writes upsert, so the transcript may arrive before the recording. */
export interface InterviewRecordingRepository {
  find(interviewId: string): Promise<InterviewRecording | null>;
  saveLinks(interviewId: string, links: RecordingLinks, now: Date): Promise<void>;
  saveTranscript(interviewId: string, transcript: { zoomMeetingId: string; text: string }, now: Date): Promise<void>;
  /** Removes the text of every transcript stored before `cutoff`; returns how many. */
  deleteTranscriptsStoredBefore(cutoff: Date, now: Date): Promise<number>;
  /** Interviews with a recording made at or after `since`, for analytics. */
  listRecordedSince(since: Date): Promise<Array<{ interviewId: string; recordedAt: Date }>>;
}

/** The organisation's recording settings (one document). */
export interface RecordingSettingsRepository {
  /** Null until an admin saved them (the defaults apply). */
  get(): Promise<RecordingSettings | null>;
  put(settings: RecordingSettings, now: Date): Promise<RecordingSettings>;
}
