import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export const READY_PREFIX = 'BENCH_READY ';

/** Printed by a server script once it listens; the parent reads it from stdout. */
export function announceReady(info: object): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ pid: process.pid, ...info })}\n`);
}

/** Runs `shutdown` on SIGTERM/SIGINT, then exits. */
export function onStopSignal(shutdown: () => Promise<void>): void {
  const stop = () => {
    shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The benchmark died without stopping us: do not linger holding a port.
  process.once('disconnect', stop);
}

export function readConfig<T>(): T {
  const raw = process.env.BENCH_CONFIG;
  if (!raw) throw new Error('BENCH_CONFIG is not set: this script is started by bench/run-benchmarks.ts');
  return JSON.parse(raw) as T;
}

export interface ChildServer<T> {
  info: T & { pid: number };
  /** Runs a full garbage collection in the child (started with --expose-gc), for a settled memory figure; answers its heap in use (MB). */
  collectGarbage(): Promise<{ heapUsedMb: number }>;
  stop(): Promise<void>;
}

/** The child's side of collectGarbage(). */
export function answerGarbageCollectionRequests(): void {
  process.on('message', (message) => {
    if (message !== 'gc') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 });
  });
}

/**
 * Starts a server script in its own Node process (so its CPU, event loop and memory are its own),
 * and waits for its ready line.
 */
export async function startChildServer<T>(script: string, config: unknown, options: { nodeArgs?: string[]; timeoutMs?: number } = {}): Promise<ChildServer<T>> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  // nodeArgs, e.g. ['--cpu-prof'], for looking into a figure.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script], {
    cwd: process.cwd(),
    env: { ...process.env, BENCH_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString('utf8'));
    if (stderr.length > 50) stderr.shift();
  });
  const info = await new Promise<T & { pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${script} did not start within ${timeoutMs} ms`)), timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr.join('').slice(-2000)}`));
    };
    lines.on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice(READY_PREFIX.length)) as T & { pid: number });
    });
    child.once('exit', (code) => fail(new Error(`${script} exited with code ${code} before it was ready`)));
  });
  child.removeAllListeners('exit');
  const collectGarbage = () =>
    new Promise<{ heapUsedMb: number }>((resolve) => {
      child.once('message', (answer) => resolve(answer as { heapUsedMb: number }));
      child.send('gc');
    });
  return { info, collectGarbage, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in MB, from /proc (Linux); null elsewhere. */
export async function residentMemoryMb(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
