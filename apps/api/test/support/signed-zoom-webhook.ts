import request, { type Response } from 'supertest';
import { signWebhook } from '@crm/zoom-simulator';
import { TEST_WEBHOOK_SECRET } from './start-test-stack';

/** Posts `body` to the API's webhook as Zoom would: exact bytes, v0 signature, timestamp in seconds. */
export async function postSignedZoomEvent(
  apiUrl: string,
  body: unknown,
  options: { secretToken?: string; timestampSeconds?: number; raw?: string } = {},
): Promise<Response> {
  const raw = options.raw ?? JSON.stringify(body);
  const ts = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  return request(apiUrl)
    .post('/api/zoom/webhook')
    .set('content-type', 'application/json')
    .set('x-zm-request-timestamp', String(ts))
    .set('x-zm-signature', signWebhook(options.secretToken ?? TEST_WEBHOOK_SECRET, ts, raw))
    .send(raw);
}

let sequence = 0;

/** A Zoom `app_deauthorized` body with a fresh event_ts. */
export function deauthorizationEvent(zoomUserId: string, eventTs = Date.now() + (sequence += 1)) {
  return {
    event: 'app_deauthorized',
    event_ts: eventTs,
    payload: { account_id: 'sim-account-001', user_id: zoomUserId, signature: 'sig', deauthorization_time: new Date().toISOString() },
  };
}

/** A Zoom meeting event body (meeting.* shapes from Zoom's webhook reference). */
export function meetingEvent(
  event: string,
  meeting: { id: string; hostId?: string; topic?: string },
  extra: { participant?: Record<string, unknown>; object?: Record<string, unknown>; eventTs?: number } = {},
) {
  return {
    event,
    event_ts: extra.eventTs ?? Date.now() + (sequence += 1),
    payload: {
      account_id: 'sim-account-001',
      object: {
        id: meeting.id,
        uuid: `uuid-${meeting.id}==`,
        host_id: meeting.hostId ?? 'host-zoom-id',
        topic: meeting.topic ?? 'Interview',
        type: 2,
        timezone: 'UTC',
        duration: 45,
        ...extra.object,
        ...(extra.participant ? { participant: extra.participant } : {}),
      },
    },
  };
}
