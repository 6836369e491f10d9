import type { Logger } from 'pino';
import type { Env } from './config/env';
import type { Store } from './domain/ports/store';

/** Everything the HTTP layer needs, wired once at start-up (main.ts) or by a test. */
export interface AppDeps {
  env: Env;
  logger: Logger;
  store: Store;
}
