/**
 * Starts the demo identity provider in a child process and talks to it over HTTP: what a test runner that
 * cannot load ES modules (jest in CommonJS mode) uses. Imports nothing from oidc-provider itself.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { DemoIdentityProviderOptions } from './start-demo-identity-provider';
import type { IdTokenRewrite } from './id-token-rewriter';

export interface SpawnedDemoIdentityProvider {
  url: string;
  rewriteNextIdToken(rewrite: IdTokenRewrite): Promise<void>;
  close(): Promise<void>;
}

export async function spawnDemoIdentityProvider(options: DemoIdentityProviderOptions, timeoutMs = 20_000): Promise<SpawnedDemoIdentityProvider> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), resolve(__dirname, 'main.ts')], {
    env: { ...process.env, DEMO_IDP_OPTIONS: JSON.stringify({ ...options, testControls: true }) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`demo identity provider did not start within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /DEMO_IDP_READY (\S+)/.exec(stdout);
      if (ready) {
        clearTimeout(timer);
        done(ready[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`demo identity provider exited (${code}):\n${stderr}`));
    });
  });
  return {
    url,
    async rewriteNextIdToken(rewrite) {
      const response = await fetch(`${url}/__idp/next-id-token`, { method: 'POST', body: JSON.stringify(rewrite) });
      if (response.status !== 204) throw new Error(`rewrite refused: ${response.status}`);
    },
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.stdin.end();
      }),
  };
}
