import { parseSimulatorEnv, type SimulatorEnv } from './config/env';
import { startZoomSimulator } from './start-zoom-simulator';
import { LENIENT_POLICY } from './simulator-options';

async function main(): Promise<void> {
  let env: SimulatorEnv;
  try {
    env = parseSimulatorEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const simulator = await startZoomSimulator({
    ...(env.lenient ? LENIENT_POLICY : {}),
    port: env.port,
    host: env.host,
    logRequests: env.logRequests,
    ...(env.redirectUris ? { userApp: { clientId: 'sim-user-client-id', clientSecret: 'sim-user-client-secret', redirectUris: env.redirectUris } } : {}),
    // Zoom also sends meeting.updated / meeting.deleted for changes made through its API.
    webhook: { ...(env.webhookUrl ? { url: env.webhookUrl } : {}), secretToken: env.webhookSecretToken ?? 'sim-webhook-secret-token', emitApiChanges: true },
  });
  console.log(`Zoom simulator${env.lenient ? ' (lenient: gentler than Zoom)' : ''} listening on ${simulator.url} (REST: ${simulator.url}/v2, control: ${simulator.url}/__sim)`);

  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
