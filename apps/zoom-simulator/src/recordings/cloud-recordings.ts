import { randomBytes, randomUUID } from 'node:crypto';
import type { SimulatedMeeting } from '../state/meeting-store';
import type { SecretIssuer } from '../state/secret-issuer';

/** Zoom's download tokens last 24 hours. */
const DOWNLOAD_TOKEN_TTL_MS = 24 * 60 * 60_000;

interface StoredFile {
  meetingId: number;
  contentType: string;
  content: string;
  downloadToken: string;
  tokenExpiresAtMs: number;
}

/** A participant's stretch in the meeting, for the transcript's speakers. */
export interface RecordedSpeaker {
  name: string;
  joinedAtMs: number;
}

export interface RecordingEventBodies {
  completed: { event: string; event_ts: number; payload: Record<string, unknown>; download_token: string };
  transcriptCompleted: { event: string; event_ts: number; payload: Record<string, unknown>; download_token: string };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function vttTime(ms: number): string {
  const total = Math.max(0, ms);
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const milli = total % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}

/**
 * Cloud recordings of meetings whose settings say `auto_recording: cloud`: after a meeting ends Zoom sends
 * `recording.completed` (video and audio files, play and share links) and `recording.transcript_completed`
 * (the VTT), each with a `download_token` that opens the files' download_url for 24 hours.
 */
export class CloudRecordings {
  private files = new Map<string, StoredFile>();

  constructor(
    private readonly now: () => number,
    private readonly secrets: SecretIssuer,
  ) {}

  /** The two events for a meeting instance that just ended, or null when it was not cloud-recorded. */
  recordingEvents(
    meeting: SimulatedMeeting,
    instance: { uuid: string; startedAtMs: number; endedAtMs: number; accountId: string; speakers: RecordedSpeaker[] },
  ): RecordingEventBodies | null {
    if (meeting.settings.auto_recording !== 'cloud') return null;
    const origin = new URL(meeting.join_url).origin;
    const downloadToken = this.secrets.downloadToken();
    const tokenExpiresAtMs = this.now() + DOWNLOAD_TOKEN_TTL_MS;
    const durationMinutes = Math.max(1, Math.round((instance.endedAtMs - instance.startedAtMs) / 60_000));
    const recordingId = randomBytes(12).toString('base64url');
    const file = (fileType: string, extension: string, recordingType: string, content: string, contentType: string) => {
      const id = randomUUID();
      this.files.set(id, { meetingId: meeting.id, contentType, content, downloadToken, tokenExpiresAtMs });
      return {
        id,
        meeting_id: instance.uuid,
        recording_start: iso(instance.startedAtMs),
        recording_end: iso(instance.endedAtMs),
        file_type: fileType,
        file_size: Buffer.byteLength(content),
        file_extension: extension,
        play_url: `${origin}/rec/play/${recordingId}`,
        download_url: `${origin}/rec/download/${id}`,
        status: 'completed',
        recording_type: recordingType,
      };
    };
    const object = {
      id: meeting.id,
      uuid: instance.uuid,
      host_id: meeting.host_id,
      account_id: instance.accountId,
      topic: meeting.topic,
      type: meeting.type,
      start_time: iso(instance.startedAtMs),
      timezone: meeting.timezone,
      host_email: meeting.host_email,
      duration: durationMinutes,
      share_url: `${origin}/rec/share/${recordingId}`,
      password: '',
      recording_play_passcode: randomBytes(16).toString('hex'),
    };
    const mediaFiles = [
      file('MP4', 'MP4', 'shared_screen_with_speaker_view', 'simulated video', 'video/mp4'),
      file('M4A', 'M4A', 'audio_only', 'simulated audio', 'audio/mp4'),
    ];
    const transcript = file('TRANSCRIPT', 'VTT', 'audio_transcript', this.vtt(instance), 'text/vtt');
    const base = (event: string, files: unknown[]) => ({
      event,
      event_ts: this.now(),
      payload: {
        account_id: instance.accountId,
        object: { ...object, total_size: 0, recording_count: files.length, recording_files: files },
      },
      download_token: downloadToken,
    });
    return { completed: base('recording.completed', mediaFiles), transcriptCompleted: base('recording.transcript_completed', [transcript]) };
  }

  /** The file's content when the token is the one issued with it and still valid; otherwise why not. */
  download(fileId: string, token: string | undefined): { content: string; contentType: string } | 'not_found' | 'unauthorized' {
    const file = this.files.get(fileId);
    if (!file) return 'not_found';
    if (!token || token !== file.downloadToken || this.now() >= file.tokenExpiresAtMs) return 'unauthorized';
    return { content: file.content, contentType: file.contentType };
  }

  reset(): void {
    this.files.clear();
  }

  private vtt(instance: { startedAtMs: number; speakers: RecordedSpeaker[] }): string {
    const cues = instance.speakers.map((speaker, index) => {
      const from = Math.max(0, speaker.joinedAtMs - instance.startedAtMs) + index * 1000;
      return `${index + 1}\n${vttTime(from)} --> ${vttTime(from + 4000)}\n${speaker.name}: Hello, this is ${speaker.name}.`;
    });
    return `WEBVTT\n\n${cues.join('\n\n')}\n`;
  }
}
