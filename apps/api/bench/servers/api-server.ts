import { createMemoryStore } from '../../src/data/memory/create-memory-store';
import type { Store } from '../../src/domain/ports/store';
import { hashPassword } from '../../src/security/password-hashing';
import { startApi, type RunningApi } from '../../src/composition/start-api';
import { BENCH_PASSWORD, BENCH_USERS, benchApiEnv, type ApiServerConfig, type BenchUserKey } from '../support/bench-config';
import { announceReady, answerGarbageCollectionRequests, onStopSignal, readConfig } from '../support/child-process-server';

async function seed(store: Store): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  for (const user of Object.values(BENCH_USERS)) {
    if (!(await store.users.findByEmail(user.email))) await store.users.create({ ...user, passwordHash });
  }
}

async function main(): Promise<void> {
  const config = readConfig<ApiServerConfig>();
  // One store object for every instance in this process: what two API processes share through MongoDB.
  // Imported only when used, as src/data/create-store.ts does, so mongoose is not counted in the memory figure.
  const store = config.mongodbUri
    ? await (await import('../../src/data/mongo/create-mongo-store')).createMongoStore(config.mongodbUri)
    : createMemoryStore();
  if (config.seedUsers) await seed(store);
  const apis: RunningApi[] = [];
  for (const port of config.ports) apis.push(await startApi(benchApiEnv(config, port), { store }));
  const users: Partial<Record<BenchUserKey, { id: string; email: string }>> = {};
  for (const [key, user] of Object.entries(BENCH_USERS) as [BenchUserKey, (typeof BENCH_USERS)[BenchUserKey]][]) {
    const found = await store.users.findByEmail(user.email);
    if (found) users[key] = { id: found.id, email: found.email };
  }
  answerGarbageCollectionRequests();
  announceReady({ urls: apis.map((api) => api.url), users, store: store.kind });
  onStopSignal(async () => {
    for (const api of apis) await api.close();
    if (config.dropDatabaseOnExit && config.mongodbUri) {
      const mongoose = (await import('mongoose')).default;
      const connection = await mongoose.createConnection(config.mongodbUri).asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
    await store.close();
  });
}

void main();
