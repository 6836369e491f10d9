import { EnvError, parseEnv } from './config/env';
import { startApi } from './composition/start-api';

async function main(): Promise<void> {
  const env = parseEnv();
  const api = await startApi(env);
  const stop = async () => {
    await api.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error('API failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
