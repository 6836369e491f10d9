import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { DEMO_SECRETS } from '../src/config/env';
import { startTestApi } from './support/start-test-api';

const API_DIR = path.resolve(__dirname, '..');
const TSX_CLI = require.resolve('tsx/cli');
const CHILD_TIMEOUT_MS = 15_000;

interface StartResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx src/main.ts` with exactly `env` (plus PATH), so nothing from the developer's or CI's environment
 * leaks in. Resolves on exit, or once stdout shows `until` (then the child is stopped), or kills it on timeout.
 */
function startApiProcess(env: Record<string, string>, options: { until?: RegExp } = {}): Promise<StartResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, 'src/main.ts'], {
      cwd: API_DIR,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: tsx runs the script in a grandchild, and a kill must reach it too.
      detached: true,
    });
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      killGroup('SIGKILL');
      reject(new Error(`tsx src/main.ts did not finish within ${CHILD_TIMEOUT_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, CHILD_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (options.until?.test(stdout)) killGroup('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      killGroup('SIGKILL');
      resolve({ code, signal, stdout, stderr });
    });
  });
}

// Valid, non-demo values; each test breaks only what it is about.
const REAL = {
  JWT_SECRET: 'startup-test-jwt-secret-0123456789abcdefghij',
  OAUTH_STATE_SECRET: 'startup-test-oauth-state-secret-0123456789abc',
  TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('start-up configuration', () => {
  test('with malformed JWT_SECRET, PORT and TOKEN_ENCRYPTION_KEYS the API exits non-zero naming each variable', async () => {
    const result = await startApiProcess({
      NODE_ENV: 'development',
      OAUTH_STATE_SECRET: REAL.OAUTH_STATE_SECRET,
      JWT_SECRET: 'short',
      PORT: 'notaport',
      TOKEN_ENCRYPTION_KEYS: 'garbage',
    });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toMatch(/^\s*- JWT_SECRET: .*32 characters/m);
    expect(result.stderr).toMatch(/^\s*- PORT: /m);
    expect(result.stderr).toMatch(/^\s*- TOKEN_ENCRYPTION_KEYS: .*keyId:<base64/m);
    expect(result.stderr).not.toMatch(/OAUTH_STATE_SECRET/);
    expect(result.stdout).not.toMatch(/API listening/);
  });

  test('with a required secret missing the API exits non-zero naming it', async () => {
    const { JWT_SECRET: _omitted, ...withoutJwtSecret } = REAL;
    const result = await startApiProcess({ NODE_ENV: 'development', PORT: '0', ...withoutJwtSecret });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^\s*- JWT_SECRET: /m);
  });

  test('in production with the demo secrets the API refuses to start, naming each one without printing its value', async () => {
    const result = await startApiProcess({
      NODE_ENV: 'production',
      PORT: '0',
      MONGODB_URI: 'mongodb://127.0.0.1:9/never_connected',
      ...DEMO_SECRETS,
    });
    expect(result.code).not.toBe(0);
    for (const name of Object.keys(DEMO_SECRETS)) expect(result.stderr).toMatch(new RegExp(`^\\s*- ${name}: .*demo`, 'm'));
    for (const value of Object.values(DEMO_SECRETS)) expect(result.stderr).not.toContain(value);
    expect(result.stderr).not.toMatch(/MONGODB_URI/);
  });

  test('in production with DEMO_MODE=true the API refuses to start, naming DEMO_MODE', async () => {
    const result = await startApiProcess({
      NODE_ENV: 'production',
      PORT: '0',
      MONGODB_URI: 'mongodb://127.0.0.1:9/never_connected',
      DEMO_MODE: 'true',
      ...REAL,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^\s*- DEMO_MODE: .*production/m);
    expect(result.stdout).not.toMatch(/API listening/);
  });

  test('in production without MONGODB_URI the API refuses to start, naming MONGODB_URI', async () => {
    const result = await startApiProcess({ NODE_ENV: 'production', PORT: '0', ...REAL });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^\s*- MONGODB_URI: /m);
  });

  test('when its port is taken, starting the API fails with EADDRINUSE (not later, with no address to report)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startTestApi({ env: { PORT: String(port) } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  test('with a valid configuration the same command starts and listens (so the refusals above are about configuration)', async () => {
    const result = await startApiProcess(
      { NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', BACKGROUND_JOBS: 'false', ...REAL },
      { until: /API listening/ },
    );
    expect(result.stdout).toMatch(/API listening/);
    expect(result.stderr).not.toMatch(/Invalid configuration/);
  });
});
