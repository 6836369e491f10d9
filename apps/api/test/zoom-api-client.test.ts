import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { startZoomSimulator } from '@crm/zoom-simulator';
import { ZoomApiClient } from '../src/zoom/zoom-api-client';
import { ZoomApiError } from '../src/zoom/zoom-api-error';
import { ZoomSecret } from '../src/zoom/zoom-secret';

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
});
