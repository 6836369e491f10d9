import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_MAX_AGE_MS = 5 * 60 * 1000;

/**
 * Zoom's v0 scheme: `x-zm-signature: v0=hex(HMAC-SHA256(secret, "v0:{x-zm-request-timestamp}:{raw body}"))`.
 * Compared in constant time over the exact bytes received; stale timestamps are refused so a captured
 * request cannot be replayed later.
 */
export function verifyZoomWebhookSignature(input: {
  secretToken: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | undefined;
  now: Date;
}): { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' } {
  const { timestamp, signature, rawBody } = input;
  if (!timestamp || !signature || !rawBody || !/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  // Zoom sends seconds; accept milliseconds too rather than rejecting a sender that uses them.
  const raw = Number(timestamp);
  const sentAtMs = raw > 1e12 ? raw : raw * 1000;
  if (Math.abs(input.now.getTime() - sentAtMs) > WEBHOOK_MAX_AGE_MS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(
    `v0=${createHmac('sha256', input.secretToken).update(Buffer.concat([Buffer.from(`v0:${timestamp}:`), rawBody])).digest('hex')}`,
  );
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}

/** The answer to `endpoint.url_validation`: hex HMAC-SHA256(secret token, plainToken). */
export function answerUrlValidation(secretToken: string, plainToken: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: createHmac('sha256', secretToken).update(plainToken).digest('hex') };
}
