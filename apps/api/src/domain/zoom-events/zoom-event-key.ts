import type { RecordableZoomEvent } from '@crm/shared/zoom-connection';

/**
 * The dedupe key: event + the payload's object (the meeting, or the deauthorized user) + the participant
 * when there is one + `event_ts`. Zoom re-sends a failed delivery with the same body, so a retry maps to
 * the same key; two participants joining in the same millisecond do not. Without an `event_ts` the body's
 * own digest stands in for it.
 */
export function zoomEventDedupeKey(event: RecordableZoomEvent, bodyDigest: string): string {
  const at = event.event_ts === undefined ? `sha256:${bodyDigest}` : String(event.event_ts);
  if (event.event === 'app_deauthorized') return [event.event, event.payload.user_id, at].join('|');
  const { object } = event.payload;
  const participant = 'participant' in object ? object.participant : undefined;
  const who = participant ? (participant.participant_uuid ?? participant.user_id ?? participant.id ?? participant.user_name ?? '') : '';
  return [event.event, object.uuid ?? object.id, who, at].join('|');
}
