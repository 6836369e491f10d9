import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { Store } from '../domain/ports/store';
import { createMemoryStore } from './memory/create-memory-store';

/** MONGODB_URI picks MongoDB; otherwise the embedded in-memory store, said plainly in the log. */
export async function createStore(env: Pick<Env, 'MONGODB_URI'>, logger: Logger): Promise<Store> {
  if (env.MONGODB_URI) {
    const { createMongoStore } = await import('./mongo/create-mongo-store');
    // Starts even while MongoDB is unreachable: /api/ready answers 503 and requests 503 store_unavailable until it answers.
    const store = await createMongoStore(env.MONGODB_URI, { logger });
    logger.info({ store: 'mongodb' }, 'using MongoDB');
    return store;
  }
  logger.warn({ store: 'memory' }, 'MONGODB_URI is not set: using the in-memory store; data is NOT persisted and is lost on exit');
  return createMemoryStore();
}
