import { createHmac } from 'node:crypto';

export interface WebhookDelivery {
  status: number;
  body: unknown;
}

/** Zoom's v0 signature: hex HMAC-SHA256(secret token, "v0:{timestamp}:{raw body}"). */
export function signWebhook(secretToken: string, timestampSeconds: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secretToken).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;
}

export function encryptPlainToken(secretToken: string, plainToken: string): string {
  return createHmac('sha256', secretToken).update(plainToken).digest('hex');
}

export async function postSignedWebhook(input: {
  url: string;
  secretToken: string;
  timestampSeconds: number;
  event: unknown;
  timeoutMs?: number;
}): Promise<WebhookDelivery> {
  const rawBody = JSON.stringify(input.event);
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Zoom Marketplace/1.0a',
      'x-zm-request-timestamp': String(input.timestampSeconds),
      'x-zm-signature': signWebhook(input.secretToken, input.timestampSeconds, rawBody),
    },
    body: rawBody,
    signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: hand back the text as received.
  }
  return { status: response.status, body };
}
