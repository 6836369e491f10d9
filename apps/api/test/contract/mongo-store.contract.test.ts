/*
 * Store contract, MongoDB (mongoose) store: the same `*.contract.ts` cases as the memory runner.
 * To add a repository's cases, drop `test/contract/<repo-name>.contract.ts` here (see memory-store.contract.test.ts);
 * nothing in this file changes. Runs when a MongoDB is reachable:
 *   - MONGODB_URI is set (CI, docker compose): each makeStore() gets its own database, all dropped at the end;
 *   - else a mongod binary is already on this machine (MONGOMS_SYSTEM_BINARY, `mongod` on PATH, or
 *     mongodb-memory-server's cache): a throwaway single-node replica set. Nothing is ever downloaded.
 * Otherwise the whole suite is a reported skip (jest counts it as skipped, never as passed) and one line says why.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { createMongoStore } from '../../src/data/mongo/create-mongo-store';
import type { Store } from '../../src/domain/ports/store';
import { loadStoreContracts } from './load-store-contracts';
import { withDatabase } from './mongo-database-uri';
import type { QueryPlan, RawAccess } from './store-contract';

type Target = { kind: 'uri'; uri: string } | { kind: 'binary'; binary: string };

const SKIP_REASON = 'no MONGODB_URI and no local mongod binary (set MONGODB_URI to run it)';

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Looks only at disk: an existing binary, never a download. */
function findLocalMongod(): string | undefined {
  const explicit = process.env.MONGOMS_SYSTEM_BINARY;
  if (explicit) return explicit;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (isExecutableFile(path.join(dir, 'mongod'))) return path.join(dir, 'mongod');
  }
  const cacheDirs = [
    process.env.MONGOMS_DOWNLOAD_DIR,
    path.resolve(__dirname, '../../node_modules/.cache/mongodb-memory-server'),
    path.resolve(__dirname, '../../../../node_modules/.cache/mongodb-memory-server'),
    path.join(homedir(), '.cache/mongodb-binaries'),
  ].filter((dir): dir is string => Boolean(dir));
  for (const dir of cacheDirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const binary = names.filter((name) => /^mongod-/.test(name) && !name.endsWith('.md5')).sort().reverse()
      .map((name) => path.join(dir, name))
      .find(isExecutableFile);
    if (binary) return binary;
  }
  return undefined;
}

function chooseTarget(): Target | undefined {
  if (process.env.MONGODB_URI) return { kind: 'uri', uri: process.env.MONGODB_URI };
  const binary = findLocalMongod();
  return binary ? { kind: 'binary', binary } : undefined;
}

const target = chooseTarget();

if (!target) {
  // Printed at collection time so the reason shows even under jest's default reporter, which names skips but not why.
  process.stdout.write(`skipped: MongoDB store contract — ${SKIP_REASON}\n`);
  describe.skip(`mongodb store (skipped: ${SKIP_REASON})`, () => {
    const unavailable = () => Promise.reject(new Error('MongoDB store contract is skipped'));
    for (const { contract } of loadStoreContracts()) contract(unavailable, { setUserFields: unavailable, setMeetingFields: unavailable });
  });
} else {
  describe('mongodb store', () => {
    const runId = `crm_contract_${Date.now().toString(36)}_${process.pid}`;
    const databases: string[] = [];
    const opened: Store[] = [];
    const databaseOf = new Map<Store, string>();
    let rawConnection: mongoose.Connection | undefined;
    const db = async (store: Store) => {
      rawConnection ??= await mongoose.createConnection(withDatabase(baseUri, runId), { serverSelectionTimeoutMS: 5000 }).asPromise();
      return rawConnection.useDb(databaseOf.get(store)!, { useCache: true }).db!;
    };
    const raw: RawAccess = {
      async setUserFields(store, userId, fields) {
        await (await db(store)).collection<{ _id: string }>('users').updateOne({ _id: userId }, splitUnset(fields));
      },
      async setMeetingFields(store, interviewId, fields) {
        const prefixed = Object.fromEntries(Object.entries(fields).map(([key, value]) => [`meeting.${key}`, value]));
        await (await db(store)).collection<{ _id: string }>('interviews').updateOne({ _id: interviewId }, splitUnset(prefixed));
      },
      mongo: {
        async createIndex(store, collection, keys, name) {
          await (await db(store)).collection(collection).createIndex(keys, { name });
        },
        async reopen(store) {
          const again = await createMongoStore(withDatabase(baseUri, databaseOf.get(store)!), { waitForConnection: true });
          opened.push(again);
          databaseOf.set(again, databaseOf.get(store)!);
          return again;
        },
        async indexNames(store, collection) {
          return (await (await db(store)).collection(collection).indexes()).map((index) => index.name!);
        },
        async setInterviewFields(store, interviewId, fields) {
          await (await db(store)).collection<{ _id: string }>('interviews').updateOne({ _id: interviewId }, splitUnset(fields));
        },
        async explainFind(store, collection, query) {
          let cursor = (await db(store)).collection(collection).find(query.filter);
          if (query.sort) cursor = cursor.sort(query.sort);
          if (query.limit) cursor = cursor.limit(query.limit);
          return planOf(await cursor.explain('queryPlanner'));
        },
      },
    };
    let baseUri = '';
    let stopServer: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      if (target.kind === 'uri') {
        baseUri = target.uri;
        return;
      }
      // Belt and braces: even if the binary turns out unusable, never fall back to downloading one.
      process.env.MONGOMS_RUNTIME_DOWNLOAD = 'false';
      process.env.MONGOMS_SYSTEM_BINARY_VERSION_CHECK ??= 'false';
      const { MongoMemoryReplSet } = await import('mongodb-memory-server-core');
      const replSet = await MongoMemoryReplSet.create({ replSet: { count: 1 }, binary: { systemBinary: target.binary } });
      baseUri = replSet.getUri();
      stopServer = async () => {
        await replSet.stop();
      };
    }, 120_000);

    afterAll(async () => {
      await Promise.allSettled(opened.map((store) => store.close()));
      await rawConnection?.close();
      if (databases.length > 0 && baseUri) {
        const admin = await mongoose.createConnection(withDatabase(baseUri, runId), { serverSelectionTimeoutMS: 5000 }).asPromise();
        try {
          for (const name of databases) await admin.useDb(name, { useCache: false }).dropDatabase();
        } finally {
          await admin.close();
        }
      }
      await stopServer?.();
    }, 120_000);

    const makeStore = async (): Promise<Store> => {
      const name = `${runId}_${databases.length + 1}`;
      databases.push(name);
      // Indexes exist before the first case runs, as after `pnpm --filter @crm/api migrate`.
      const store = await createMongoStore(withDatabase(baseUri, name), { waitForConnection: true });
      opened.push(store);
      databaseOf.set(store, name);
      return store;
    };

    for (const { contract } of loadStoreContracts()) contract(makeStore, raw);
  });
}

function splitUnset(fields: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const unset = Object.fromEntries(Object.entries(fields).filter(([, value]) => value === undefined).map(([key]) => [key, '']));
  return { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
}

/** Walks the winning plan (classic or slot-based engine) for the index scans, a collection scan, and an in-memory SORT. */
function planOf(explained: unknown): QueryPlan {
  const plan: QueryPlan = { indexes: [], collectionScan: false, inMemorySort: false };
  const root = (explained as { queryPlanner?: { winningPlan?: unknown } }).queryPlanner?.winningPlan;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const stage = node as { stage?: string; indexName?: string; queryPlan?: unknown; inputStage?: unknown; inputStages?: unknown[] };
    if (stage.stage === 'COLLSCAN') plan.collectionScan = true;
    if (stage.stage === 'SORT') plan.inMemorySort = true;
    if (stage.stage === 'IXSCAN' && stage.indexName) plan.indexes.push(stage.indexName);
    visit(stage.queryPlan);
    visit(stage.inputStage);
    for (const child of stage.inputStages ?? []) visit(child);
  };
  visit(root);
  return plan;
}
