import { createMemoryStore } from '../../src/data/memory/create-memory-store';
import type { Store } from '../../src/domain/ports/store';
import { hashPassword } from '../../src/security/password-hashing';
import { startApi, type RunningApi } from '../../src/composition/start-api';
import { BENCH_PASSWORD, BENCH_USERS, benchApiEnv, type ApiServerConfig, type BenchUserKey } from '../support/bench-config';
import { ORGANISATION_SIZE, seedOrganisation } from '../seed/organisation-seed';
import { announceReady, answerGarbageCollectionRequests, onStopSignal, readConfig } from '../support/child-process-server';

async function seed(store: Store): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  for (const user of Object.values(BENCH_USERS)) {
    if (!(await store.users.findByEmail(user.email))) await store.users.create({ ...user, passwordHash });
  }
}

/** Resident memory after a full GC (the process runs with --expose-gc for this), in MB. */
function settledRssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

/** The 2,000-interviewer organisation, with what loading it cost in memory and time. */
async function seedTheOrganisation(store: Store) {
  const started = Date.now();
  const beforeMb = settledRssMb();
  let usersMb = beforeMb;
  const seeded = await seedOrganisation(store, {
    passwordHash: await hashPassword(BENCH_PASSWORD),
    now: new Date(),
    onUsersSeeded: () => {
      usersMb = settledRssMb();
    },
  });
  const seededMb = settledRssMb();
  return {
    emails: { recruiter: seeded.recruiterEmail, admin: seeded.adminEmail, interviewer: seeded.connectedInterviewerEmail },
    size: ORGANISATION_SIZE,
    memory: { beforeMb, usersMb, seededMb, perTenThousandInterviewsMb: ((seededMb - usersMb) / ORGANISATION_SIZE.interviews) * 10_000 },
    seedMs: Date.now() - started,
  };
}

async function main(): Promise<void> {
  const config = readConfig<ApiServerConfig>();
  // One store object for every instance in this process: what two API processes share through MongoDB.
  // Imported only when used, as src/data/create-store.ts does, so mongoose is not counted in the memory figure.
  const store = config.mongodbUri
    ? await (await import('../../src/data/mongo/create-mongo-store')).createMongoStore(config.mongodbUri)
    : createMemoryStore();
  if (config.seedUsers) await seed(store);
  const organisation = config.seedOrganisation ? await seedTheOrganisation(store) : undefined;
  const apis: RunningApi[] = [];
  for (const port of config.ports) apis.push(await startApi(benchApiEnv(config, port), { store }));
  const users: Partial<Record<BenchUserKey, { id: string; email: string }>> = {};
  for (const [key, user] of Object.entries(BENCH_USERS) as [BenchUserKey, (typeof BENCH_USERS)[BenchUserKey]][]) {
    const found = await store.users.findByEmail(user.email);
    if (found) users[key] = { id: found.id, email: found.email };
  }
  answerGarbageCollectionRequests();
  announceReady({ urls: apis.map((api) => api.url), users, store: store.kind, ...(organisation ? { organisation } : {}) });
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
