import type { Secret } from './secret';

/** How a transcript download ended when it did not bring text; none of these improves by trying again. */
export type TranscriptUnavailable = 'token_rejected' | 'not_found' | 'too_large' | 'not_allowed_url';

export type TranscriptDownload = { ok: true; text: string } | { ok: false; reason: TranscriptUnavailable };

/**
 * Fetches a recording file Zoom announced, with the event's download token. Bounded in size and time;
 * throws on what may pass (timeouts, 5xx, network), so the event processor retries.
 */
export interface RecordingDownloads {
  transcript(downloadUrl: string, downloadToken: Secret): Promise<TranscriptDownload>;
}
