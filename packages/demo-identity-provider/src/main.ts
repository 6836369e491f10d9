/**
 * Runs the demo identity provider as its own process (the API's jest suite cannot load oidc-provider's
 * ES modules in-process). Options come as JSON in DEMO_IDP_OPTIONS; prints `DEMO_IDP_READY <issuer>`.
 * Stops when its parent closes stdin, so a crashed test run leaves nothing listening.
 */
import { startDemoIdentityProvider, type DemoIdentityProviderOptions } from './start-demo-identity-provider';

async function main(): Promise<void> {
  const options = JSON.parse(process.env.DEMO_IDP_OPTIONS ?? '{}') as DemoIdentityProviderOptions;
  const provider = await startDemoIdentityProvider(options);
  const stop = () => void provider.close().then(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.once('SIGTERM', stop);
  process.stdout.write(`DEMO_IDP_READY ${provider.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo identity provider failed to start: ${(error as Error).stack}\n`);
  process.exit(1);
});
