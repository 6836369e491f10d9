import type { RecordableZoomEvent, ZoomUrlValidationResponse, ZoomWebhookEvent } from '@crm/shared/zoom-connection';
import type { Clock } from '../ports/clock';
import type { RequestContext } from '../ports/request-context';
import type { ZoomEventRepository } from '../ports/zoom-event-repository';
import { zoomEventDedupeKey } from '../zoom-events/zoom-event-key';
import type { ZoomWebhookCounters } from '../zoom-events/zoom-webhook-counters';

export interface HandleZoomWebhookDeps {
  events: Pick<ZoomEventRepository, 'record'>;
  counters: ZoomWebhookCounters;
  clock: Clock;
  logger: { info: (details: object, message: string) => void };
  /** Zoom's URL-validation challenge, answered with the webhook secret (held by the Zoom adapter, not here). */
  answerUrlValidation: (plainToken: string) => ZoomUrlValidationResponse;
  /** Seals a recording event's download token before the event is stored (see `storedBody`). */
  sealDownloadToken: (eventKey: string, token: string) => string;
}

/** Where the sealed download token travels inside a stored recording event, in place of `download_token`. */
export const SEALED_DOWNLOAD_TOKEN_FIELD = 'sealed_download_token';

/** The body as stored: a recording event's download token only ever sealed, never in the clear. */
function storedBody(deps: HandleZoomWebhookDeps, event: RecordableZoomEvent, dedupeKey: string): Record<string, unknown> {
  if (!('download_token' in event) || event.download_token === undefined) return event;
  const { download_token: token, ...rest } = event;
  return { ...rest, [SEALED_DOWNLOAD_TOKEN_FIELD]: deps.sealDownloadToken(dedupeKey, token) };
}

export interface ZoomWebhookIntake {
  /** The body Zoom expects, or null for a bare acknowledgement. */
  answer: ZoomUrlValidationResponse | null;
  /** The event recorded now, for the caller to start processing; null when nothing was recorded. */
  recordedEventId: string | null;
}

/**
 * The intake of the webhook pipeline, for an event whose signature the HTTP edge has already verified:
 * records it durably (once per dedupe key) and returns; processing happens apart (process-zoom-event.ts),
 * so Zoom's answer never waits for it and nothing is lost if the process stops in between. Events the CRM
 * does not act on are counted and acknowledged, without storing anything, so Zoom does not retry them.
 */
export async function handleZoomWebhook(
  deps: HandleZoomWebhookDeps,
  event: ZoomWebhookEvent,
  delivery: { bodyDigest: string; context: RequestContext },
): Promise<ZoomWebhookIntake> {
  switch (event.event) {
    case 'endpoint.url_validation':
      return { answer: deps.answerUrlValidation(event.payload.plainToken), recordedEventId: null };
    case 'unhandled':
      deps.counters.countIgnored(event.name);
      deps.logger.info({ zoomEvent: event.name }, 'Zoom event ignored: not one the CRM acts on, or malformed');
      return { answer: null, recordedEventId: null };
    default: {
      const dedupeKey = zoomEventDedupeKey(event, delivery.bodyDigest);
      const recorded = await deps.events.record({
        dedupeKey,
        event: event.event,
        eventTs: event.event_ts ?? null,
        body: storedBody(deps, event, dedupeKey),
        receivedAt: deps.clock.now(),
        receivedBy: { requestId: delivery.context.requestId, ip: delivery.context.ip },
      });
      if (!recorded.recorded) {
        deps.counters.countDuplicate();
        deps.logger.info({ zoomEvent: event.event, duplicateOf: recorded.duplicateOf }, 'Zoom event already recorded: duplicate delivery ignored');
        return { answer: null, recordedEventId: null };
      }
      deps.counters.countRecorded();
      return { answer: null, recordedEventId: recorded.record.id };
    }
  }
}
