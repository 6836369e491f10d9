// Demo mode starts the simulator, the mail sink, the API and Vite; a SIGTERM (or Ctrl-C) to the launcher
// must stop every one of them, so a second `pnpm demo` right after finds its ports free.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether anything accepts connections on the port, over IPv4 or IPv6 (Vite may listen on either). */
async function listening(port) {
  const accepts = (host) =>
    new Promise((resolve) => {
      const socket = connect({ port, host });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  return (await accepts('127.0.0.1')) || (await accepts('::1'));
}

test('SIGTERM to the demo launcher stops the API, the web server, the simulator and the mail sink: all their ports are free within 5 s', { timeout: 240_000 }, async () => {
  const ports = { DEMO_API_PORT: await freePort(), DEMO_WEB_PORT: await freePort(), DEMO_SIM_PORT: await freePort(), DEMO_SMTP_PORT: await freePort(), DEMO_INBOX_PORT: await freePort() };
  // What `pnpm demo` runs (package.json "demo"), started directly so the signal reaches the launcher itself.
  const launcher = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/demo.ts'], {
    cwd: root,
    env: { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  launcher.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => launcher.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    await new Promise((resolve, reject) => {
      launcher.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Demo mode is running')) resolve();
      });
      launcher.once('exit', () => reject(new Error(`demo mode exited before it was running:\n${output}`)));
    });
    for (const [name, port] of Object.entries(ports)) assert.ok(await listening(port), `${name} ${port} is listening while the demo runs`);

    const signalledAt = performance.now();
    launcher.kill('SIGTERM');
    const stillListening = async () => (await Promise.all(Object.entries(ports).map(async ([name, port]) => ((await listening(port)) ? name : null)))).filter(Boolean);
    let left = await stillListening();
    while (left.length > 0 && performance.now() - signalledAt < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = await stillListening();
    }
    const freeAfterMs = Math.round(performance.now() - signalledAt);
    assert.deepEqual(left, [], `still listening 5 s after SIGTERM: ${left.join(', ')}\n${output.slice(-3000)}`);
    console.log(`demo shutdown: all 5 ports free ${freeAfterMs} ms after SIGTERM`);
    assert.deepEqual(await exited, { code: 0, signal: null });
  } finally {
    if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGKILL');
  }
});
