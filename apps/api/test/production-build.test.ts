/*
 * Production runs compiled JavaScript: `pnpm build` bundles src/main.ts into dist/main.js and `node` runs it,
 * with no TypeScript loader anywhere. This suite compiles with the same script `pnpm build` uses, starts the
 * output as production would, and checks that what it loads is what a production install has.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import type * as loggerModule from '../src/logging/create-logger';
import { freePort } from './support/free-port';

const API_DIR = path.resolve(__dirname, '..');
const MAIN = path.join(API_DIR, 'dist/main.js');
const REENCRYPT = path.join(API_DIR, 'dist/cli/reencrypt-tokens.js');

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/bundle-api.mjs'], { cwd: API_DIR });
}, 60_000);

/** Polls until the server answers; each wait is short, the deadline is generous for a loaded CI machine. */
async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dist/main.js exited with ${child.exitCode}:\n${output()}`);
    try {
      return await fetch(url);
    } catch {
      await delay(50);
    }
  }
  throw new Error(`dist/main.js did not answer ${url} within 20 s:\n${output()}`);
}

describe('the compiled production build', () => {
  test('pnpm build emits dist/main.js and the reencrypt CLI as plain JavaScript', () => {
    expect(existsSync(MAIN)).toBe(true);
    expect(existsSync(REENCRYPT)).toBe(true);
    // @crm/shared ships TypeScript source, which plain node cannot load: it must be compiled into the bundle.
    expect(readFileSync(MAIN, 'utf8')).not.toMatch(/require\(["']@crm\//);
  });

  test('node dist/main.js, started with no TypeScript loader, answers /api/health with 200', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      cwd: API_DIR,
      // Exactly this environment: nothing like NODE_OPTIONS=--import tsx can leak in from the caller.
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', DEMO_MODE: 'true', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const response = await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => output);
      expect(response.status).toBe(200);

      const commandLine = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(commandLine).toEqual([process.execPath, MAIN]);
      expect(commandLine.join(' ')).not.toMatch(/tsx/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 30_000);

  test('everything the compiled API requires is a production dependency, so `pnpm install --prod` is enough', () => {
    const manifest = JSON.parse(readFileSync(path.join(API_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const required = new Set<string>();
    for (const file of [MAIN, REENCRYPT]) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
        if (specifier && !specifier.startsWith('node:')) required.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    // pino-pretty is required only when LOG_FORMAT=pretty asks for it (development and demo).
    required.delete('pino-pretty');
    expect([...required].filter((name) => !(name in manifest.dependencies))).toEqual([]);
    expect(manifest.dependencies).not.toHaveProperty('tsx');
    expect(manifest.dependencies).not.toHaveProperty('pino-pretty');
  });
});

describe('pretty logs in an install without development dependencies', () => {
  afterEach(() => jest.resetModules());

  test('when LOG_FORMAT=pretty is asked for and pino-pretty is missing, creating the logger fails naming pino-pretty and LOG_FORMAT=json', () => {
    jest.doMock('pino-pretty', () => {
      throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
    });
    jest.isolateModules(() => {
      const { createLogger } = jest.requireActual<typeof loggerModule>('../src/logging/create-logger');
      expect(() => createLogger({ level: 'info', format: 'pretty' })).toThrow(/LOG_FORMAT=pretty needs the pino-pretty package.*LOG_FORMAT=json/);
      // JSON logs never touch pino-pretty.
      expect(() => createLogger({ level: 'info', format: 'json' })).not.toThrow();
    });
  });
});
