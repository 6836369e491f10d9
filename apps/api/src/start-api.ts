import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Env } from './config/env';
import type { Store } from './domain/ports/store';
import { createApp } from './app';
import { createLogger } from './logging/create-logger';
import { createStore } from './data/create-store';
import { seedDemoUsers } from './demo/seed-demo-users';
import type { AppDeps } from './app-deps';
import { startIdleRefreshJob } from './jobs/refresh-idle-connections';
import { createZoomConnectionServices } from './zoom/create-zoom-connection-services';
import { createMeetingServices } from './zoom/create-meeting-services';

export interface RunningApi {
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Wires the real dependencies and listens. Tests pass `store` to share one store between instances. */
export async function startApi(env: Env, options: { store?: Store; logDestination?: DestinationStream } = {}): Promise<RunningApi> {
  const logger = createLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, destination: options.logDestination });
  const store = options.store ?? (await createStore(env, logger));
  if (env.DEMO_MODE) await seedDemoUsers(store.users);
  const zoomConnection = createZoomConnectionServices(env, store, logger);
  const meetings = createMeetingServices(env, store, logger, zoomConnection.refresher);
  const deps: AppDeps = { env, logger, store, zoomUserTokens: zoomConnection.refresher, zoomConnection, meetings };
  const app = createApp(deps);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  logger.info({ url, store: store.kind, demo: env.DEMO_MODE }, 'API listening');
  const idleRefreshJob = env.BACKGROUND_JOBS
    ? startIdleRefreshJob({
        connections: store.zoomConnections,
        jobLeases: store.jobLeases,
        tokens: zoomConnection.refresher,
        logger,
        idleMs: env.ZOOM_IDLE_REFRESH_HOURS * 60 * 60 * 1000,
      })
    : null;
  return {
    url,
    deps,
    async close() {
      await idleRefreshJob?.stop();
      await meetings.worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      if (!options.store) await store.close();
    },
  };
}
