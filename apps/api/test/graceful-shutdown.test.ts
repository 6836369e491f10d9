/*
 * SIGTERM as an orchestrator sends it during a rolling deploy: the API process (src/main.ts under tsx, as
 * `pnpm dev` runs it) stops accepting, finishes the request it is serving, stops its jobs and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import request from 'supertest';
import { CSRF_HEADER } from '@crm/shared/auth';
import { startZoomSimulator, type RunningZoomSimulator } from '@crm/zoom-simulator';
import { freePort } from './support/free-port';
import { interviewRequest, S2S_ENV } from './support/meeting-test-helpers';

const API_DIR = path.resolve(__dirname, '..');
const ZOOM_LATENCY_MS = 1_500;

async function until<T>(read: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await delay(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('graceful shutdown', () => {
  let zoom: RunningZoomSimulator;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    zoom = await startZoomSimulator({ port: 0 });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await zoom.close();
  });

  test('on SIGTERM during a slow request, new connections are refused, the request completes with 201 and the process exits 0', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: API_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        DEMO_MODE: 'true',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ZOOM_OAUTH_BASE_URL: zoom.url,
        ZOOM_API_BASE_URL: `${zoom.url}/v2`,
        SHUTDOWN_GRACE_MS: '15000',
        ...S2S_ENV,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await until(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status, `the API to answer (output so far: ${output})`);

    const recruiter = request.agent(url);
    const login = await recruiter.post('/api/auth/login').send({ email: 'recruiter@example.com', password: 'demo-password-1' }).expect(200);
    recruiter.set(CSRF_HEADER, (login.body as { csrfToken: string }).csrfToken);
    const interviewers = await recruiter.get('/api/interviewers').expect(200);
    const interviewerId = (interviewers.body as { interviewers: { id: string }[] }).interviewers[0]!.id;
    zoom.control.injectFault({ endpoint: 'meetings.create', latencyMs: ZOOM_LATENCY_MS, times: 1 });
    const createsBefore = zoom.control.requests().filter((r) => r.endpoint === 'meetings.create').length;

    const slow = recruiter.post('/api/interviews').send(interviewRequest(interviewerId)).then((response) => response);
    await until(() => (zoom.control.requests().filter((r) => r.endpoint === 'meetings.create').length > createsBefore ? true : undefined), 'the slow Zoom call');
    const signalledAt = Date.now();
    child.kill('SIGTERM');

    // A new connection is refused while the slow request is still being served.
    await until(async () => ((await fetch(`${url}/api/health`).then(() => null, () => 'refused')) ?? undefined), 'new connections to be refused');
    const response = await slow;
    const code = await exited;

    expect(response.status).toBe(201);
    expect((response.body as { interview: { meeting: { status: string } } }).interview).toBeDefined();
    expect(code).toBe(0);
    // It exited because the work was done, not because the grace period ran out.
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(output).not.toMatch(/grace period over/);
  }, 60_000);
});
