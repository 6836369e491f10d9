import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { startZoomSimulator } from '@crm/zoom-simulator';
import { ZoomApiClient } from '../src/zoom/zoom-api-client';
import { ZoomApiError } from '../src/zoom/zoom-api-error';
import { ZoomSecret } from '../src/zoom/zoom-secret';
import { ZoomRequestPacer } from '../src/zoom/zoom-request-pacer';

const TOKEN = new ZoomSecret('secret-access-token-must-not-leak-123');
const BODY = { topic: 'Interview', type: 2 as const, start_time: '2031-01-01T10:00:00Z', duration: 30, timezone: 'UTC' };

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('ZoomApiClient', () => {
  test('when Zoom cannot be reached at all, a create is retried with growing waits (nothing was sent) and fails as unavailable without the token', async () => {
    const waits: number[] = [];
    const client = new ZoomApiClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/v2`, timeoutMs: 1000, retry: { maxAttempts: 4, baseDelayMs: 100 }, sleep: async (ms) => void waits.push(ms), random: () => 0.5 });

    const error = (await client.createMeeting(TOKEN, 'me', BODY).catch((e: unknown) => e)) as ZoomApiError;

    expect(error).toBeInstanceOf(ZoomApiError);
    expect(error).toMatchObject({ kind: 'unavailable', networkCode: 'ECONNREFUSED', attempts: 4 });
    expect(waits).toEqual([75, 150, 300]);
    expect(`${inspect(error)} ${JSON.stringify(error)} ${error.stack}`).not.toContain(TOKEN.reveal());
  });

  test('when Zoom answers 500 to a create, it is not repeated (it may exist) and is reported as outcome_unknown', async () => {
    const zoom = await startZoomSimulator({ port: 0 });
    try {
      zoom.control.injectFault({ endpoint: 'meetings.create', status: 500, times: 1 });
      const client = new ZoomApiClient({ baseUrl: `${zoom.url}/v2`, timeoutMs: 1000, sleep: async () => {} });

      const error = (await client.createMeeting(TOKEN, 'me', BODY).catch((e: unknown) => e)) as ZoomApiError;

      expect(error).toMatchObject({ kind: 'outcome_unknown', status: 500, attempts: 1 });
      expect(zoom.control.requests().filter((r) => r.endpoint === 'meetings.create')).toHaveLength(1);
    } finally {
      await zoom.close();
    }
  });

  test('when Zoom answers 500 to a delete, it is retried (deleting twice is harmless) and a bad token is rejected_token with code 124', async () => {
    const zoom = await startZoomSimulator({ port: 0 });
    try {
      zoom.control.injectFault({ endpoint: 'meetings.delete', status: 500, times: 1 });
      const client = new ZoomApiClient({ baseUrl: `${zoom.url}/v2`, timeoutMs: 1000, sleep: async () => {} });

      const error = (await client.deleteMeeting(TOKEN, '85000000001').catch((e: unknown) => e)) as ZoomApiError;

      expect(zoom.control.requests().filter((r) => r.endpoint === 'meetings.delete').map((r) => r.status)).toEqual([500, 401]);
      expect(error).toMatchObject({ kind: 'rejected_token', status: 401, zoomCode: 124 });
    } finally {
      await zoom.close();
    }
  });

  test('a code 300 that is not the daily cap is an invalid request; the daily cap without Retry-After waits until 00:00 UTC', async () => {
    const zoom = await startZoomSimulator({ port: 0 });
    try {
      const now = Date.UTC(2030, 0, 15, 18, 0, 0);
      zoom.control.injectFault({ endpoint: 'meetings.update', status: 300, body: { code: 300, message: 'Invalid meeting settings.' }, times: 1 });
      zoom.control.injectFault({ endpoint: 'meetings.update', status: 300, body: { code: 300, message: 'A maximum of 100 meetings can be created/updated for a single user in one day.' }, times: 1 });
      const client = new ZoomApiClient({ baseUrl: `${zoom.url}/v2`, timeoutMs: 1000, sleep: async () => {}, now: () => now });

      const invalid = await client.updateMeeting(TOKEN, '85000000001', BODY).catch((e: unknown) => e);
      const capped = await client.updateMeeting(TOKEN, '85000000001', BODY).catch((e: unknown) => e);

      expect(invalid).toMatchObject({ kind: 'invalid_request', status: 300, zoomCode: 300 });
      expect(capped).toMatchObject({ kind: 'daily_limit', status: 300, retryAfterMs: 6 * 60 * 60 * 1000, attempts: 1 });
    } finally {
      await zoom.close();
    }
  });

  test('a per-second 429 holds that category back for its Retry-After, then the call is retried once and succeeds without a duplicate', async () => {
    const zoom = await startZoomSimulator({ port: 0 });
    try {
      let now = Date.now();
      const sleep = async (ms: number) => void (now += ms);
      const pacer = new ZoomRequestPacer({ plan: 'pro', now: () => now, sleep });
      const token = (await fetch(`${zoom.url}/oauth/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from('sim-s2s-client-id:sim-s2s-client-secret').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=account_credentials&account_id=sim-account-001',
      }).then((r) => r.json())) as { access_token: string };
      zoom.control.injectFault({ endpoint: 'meetings.create', status: 429, retryAfterSeconds: 3, body: { code: 429, message: 'You have reached the maximum per-second rate limit for this API.' }, times: 1 });
      const client = new ZoomApiClient({ baseUrl: `${zoom.url}/v2`, timeoutMs: 1000, sleep, now: () => now, pacer, random: () => 0 });
      const before = now;

      const meeting = await client.createMeeting(new ZoomSecret(token.access_token), 'zoom-admin@example.com', BODY);

      expect(meeting.id).toMatch(/^\d+$/);
      expect(now - before).toBeGreaterThanOrEqual(3_000);
      expect(pacer.stats()).toMatchObject({ holdOffs: 1 });
      expect(zoom.control.requests().filter((r) => r.endpoint === 'meetings.create').map((r) => r.status)).toEqual([429, 201]);
      expect(zoom.control.meetings()).toHaveLength(1);
    } finally {
      await zoom.close();
    }
  });
});
