import type { ZoomRecordingEvent, ZoomRecordingFile } from '@crm/shared/recordings';
import type { ZoomEventRecord } from '../ports/zoom-event-repository';
import type { ZoomEventDeps } from '../zoom-events/zoom-event-deps';

/** Zoom's download tokens open files for 24 hours after the event. */
const DOWNLOAD_TOKEN_VALID_MS = 24 * 60 * 60_000;

function parseTime(value: string | undefined): Date | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The file people watch: the video, else anything Zoom gave a play link. */
function playableFile(files: ZoomRecordingFile[]): ZoomRecordingFile | undefined {
  return files.find((file) => file.file_type === 'MP4' && file.play_url) ?? files.find((file) => file.play_url);
}

function transcriptFile(files: ZoomRecordingFile[]): ZoomRecordingFile | undefined {
  return files.find((file) => (file.file_type === 'TRANSCRIPT' || file.file_extension === 'VTT') && file.download_url);
}

/**
 * `recording.completed` attaches the play and share links and the duration to the interview;
 * `recording.transcript_completed` downloads the VTT with the event's download token (sealed in the
 * stored event) and keeps it as text. The token and the transcript never reach a log line.
 */
export async function attachZoomRecording(
  deps: ZoomEventDeps,
  event: ZoomRecordingEvent,
  record: Pick<ZoomEventRecord, 'dedupeKey'>,
  sealedDownloadToken: string | null,
): Promise<string> {
  const { object } = event.payload;
  const interview = await deps.interviews.findByZoomMeetingId(object.id);
  if (!interview) return 'no_interview';
  const now = deps.clock.now();

  if (event.event === 'recording.completed') {
    const file = playableFile(object.recording_files);
    await deps.recordings.saveLinks(
      interview.id,
      {
        zoomMeetingId: object.id,
        playUrl: file?.play_url ?? null,
        shareUrl: object.share_url ?? null,
        durationMinutes: object.duration ?? null,
        recordedAt: parseTime(file?.recording_start) ?? parseTime(object.start_time) ?? now,
      },
      now,
    );
    return 'recording_attached';
  }

  const file = transcriptFile(object.recording_files);
  if (!file?.download_url) return 'transcript_missing';
  if (now.getTime() - event.event_ts > DOWNLOAD_TOKEN_VALID_MS) return 'transcript_token_expired';
  const token = sealedDownloadToken ? deps.secrets.openDownloadToken(record.dedupeKey, sealedDownloadToken) : null;
  if (!token) return 'transcript_token_missing';
  const download = await deps.recordingDownloads.transcript(file.download_url, token);
  if (!download.ok) {
    deps.logger.warn({ interviewId: interview.id, reason: download.reason }, 'Zoom transcript could not be downloaded');
    return `transcript_${download.reason}`;
  }
  await deps.recordings.saveTranscript(interview.id, { zoomMeetingId: object.id, text: download.text }, now);
  return 'transcript_attached';
}
