import { EnvError, parseEnv } from './config/env';
import { startApi } from './composition/start-api';

async function main(): Promise<void> {
  const env = parseEnv();
  const api = await startApi(env);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": an operator (or orchestrator) gave up waiting.
    if (stopping) process.exit(1);
    stopping = true;
    api.deps.logger.info({ signal, graceMs: env.SHUTDOWN_GRACE_MS }, 'shutting down: draining requests and jobs');
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        api.deps.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error('API failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
