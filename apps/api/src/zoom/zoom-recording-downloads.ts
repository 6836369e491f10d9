import type { RecordingDownloads, TranscriptDownload } from '../domain/ports/recording-downloads';
import type { Secret } from '../domain/ports/secret';
import { revealSecret } from './zoom-secret';

/** An interview's transcript is a few hundred KB at most; anything far bigger is not what we expect. */
export const MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024;

/** Thrown for what may pass on a later try; the event processor retries. */
class TranscriptDownloadFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranscriptDownloadFailed';
  }
}

/**
 * Downloads recording files from Zoom with the event's download token (Bearer), only from Zoom's own
 * hosts (zoom.us and the configured Zoom origins, e.g. the simulator's), within a timeout and a size cap.
 */
export class ZoomRecordingDownloads implements RecordingDownloads {
  private readonly allowedOrigins: Set<string>;

  constructor(private readonly options: { zoomOrigins: string[]; timeoutMs: number; maxBytes?: number }) {
    this.allowedOrigins = new Set(options.zoomOrigins.map((origin) => new URL(origin).origin));
  }

  async transcript(downloadUrl: string, downloadToken: Secret): Promise<TranscriptDownload> {
    if (!this.allowed(downloadUrl)) return { ok: false, reason: 'not_allowed_url' };
    const maxBytes = this.options.maxBytes ?? MAX_TRANSCRIPT_BYTES;
    let response: Response;
    try {
      response = await fetch(downloadUrl, {
        headers: { authorization: `Bearer ${revealSecret(downloadToken)}`, accept: 'text/vtt, text/plain, */*' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      // Never the URL's query or the token: only what kind of failure it was.
      throw new TranscriptDownloadFailed(`Transcript download failed: ${error instanceof Error ? error.name : 'network error'}`);
    }
    if (response.status === 401 || response.status === 403) return this.discard(response, { ok: false, reason: 'token_rejected' });
    if (response.status === 404) return this.discard(response, { ok: false, reason: 'not_found' });
    if (!response.ok) {
      await response.body?.cancel();
      throw new TranscriptDownloadFailed(`Transcript download answered ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) return this.discard(response, { ok: false, reason: 'too_large' });
    const text = await readAtMost(response, maxBytes);
    return text === null ? { ok: false, reason: 'too_large' } : { ok: true, text };
  }

  private allowed(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (this.allowedOrigins.has(parsed.origin)) return true;
    return parsed.protocol === 'https:' && (parsed.hostname === 'zoom.us' || parsed.hostname.endsWith('.zoom.us'));
  }

  private async discard(response: Response, answer: TranscriptDownload): Promise<TranscriptDownload> {
    await response.body?.cancel();
    return answer;
  }
}

/** The body as UTF-8 text, or null as soon as it grows past `maxBytes` (the rest is never read). */
async function readAtMost(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
