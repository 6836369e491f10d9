import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { DestinationStream } from 'pino';
import { createApp } from '../app';
import type { AppDeps } from '../app-deps';
import type { Env } from '../config/env';
import { createStore } from '../data/create-store';
import { seedDemoUsers } from '../demo/seed-demo-users';
import type { Clock } from '../domain/ports/clock';
import type { Store } from '../domain/ports/store';
import { startIdleRefreshJob, type IdleRefreshJob } from '../jobs/refresh-idle-connections';
import { createLogger } from '../logging/create-logger';
import { createAppDeps } from './create-app-deps';
import type { ZoomEventOptions } from './create-zoom-event-services';
import { systemClock } from './system-clock';

export interface RunningApi {
  url: string;
  deps: AppDeps;
  /** The idle-refresh job when BACKGROUND_JOBS is on. */
  idleRefreshJob: IdleRefreshJob | null;
  /**
   * Graceful stop: refuses new connections, lets in-flight requests and the jobs' current items finish
   * (at most `graceMs`, default SHUTDOWN_GRACE_MS), then closes the store. Calling it again returns the same promise.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * The composition root: builds the store, the services and the app, listens, and starts the background
 * jobs (only here, and only with BACKGROUND_JOBS). Tests pass `store` to share one store between
 * instances and `clock` to move time instead of waiting for it.
 */
export async function startApi(
  env: Env,
  options: { store?: Store; logDestination?: DestinationStream; clock?: Clock; zoomEvents?: ZoomEventOptions } = {},
): Promise<RunningApi> {
  const logger = createLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, destination: options.logDestination });
  const store = options.store ?? (await createStore(env, logger));
  if (env.DEMO_MODE) await seedDemoUsers(store.users);
  const deps = createAppDeps(env, store, logger, options.clock ?? systemClock, options.zoomEvents);
  const { worker } = deps.meetings;
  const zoomEventProcessor = deps.zoomEvents.processor;
  const app = createApp(deps);
  let server: Server;
  try {
    server = await new Promise((resolve, reject) => {
      // Express 5 calls back on a failed listen too (EADDRINUSE), with the error.
      const listening = app.listen(env.PORT, env.HOST, (error?: Error) => (error ? reject(error) : resolve(listening)));
      listening.once('error', reject);
    });
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  logger.info({ url, store: store.kind, demo: env.DEMO_MODE }, 'API listening');
  if (env.BACKGROUND_JOBS) worker.start();
  if (env.BACKGROUND_JOBS) zoomEventProcessor.start();
  if (env.BACKGROUND_JOBS) deps.zoomEvents.transcriptRetention.start();
  const { outboxWorker } = deps.invitations;
  if (env.BACKGROUND_JOBS) outboxWorker?.start();
  const reminderJob = deps.reminders.job;
  if (env.BACKGROUND_JOBS) reminderJob.start();
  const idleRefreshJob = env.BACKGROUND_JOBS
    ? startIdleRefreshJob({
        connections: store.zoomConnections,
        jobLeases: store.jobLeases,
        userAccessTokens: deps.userAccessTokens,
        logger,
        idleMs: env.ZOOM_IDLE_REFRESH_HOURS * 60 * 60 * 1000,
      })
    : null;
  let closing: Promise<void> | null = null;
  return {
    url,
    deps,
    idleRefreshJob,
    close(graceMs = env.SHUTDOWN_GRACE_MS) {
      closing ??= (async () => {
        // Stop accepting at once; idle keep-alive sockets close now, busy ones after their response.
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // The jobs finish the item they are on (the worker's stop awaits its current pass) while requests drain.
        const jobsStopped = Promise.all([idleRefreshJob?.stop(), worker.stop(), zoomEventProcessor.stop(), outboxWorker?.stop(), reminderJob.stop(), deps.zoomEvents.transcriptRetention.stop()]);
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'timed_out'>((resolve) => {
          timer = setTimeout(() => resolve('timed_out'), graceMs);
          timer.unref();
        });
        const outcome = await Promise.race([Promise.all([drained, jobsStopped]).then(() => 'drained' as const), deadline]);
        clearTimeout(timer);
        if (outcome === 'timed_out') {
          logger.warn({ graceMs }, 'shutdown grace period over: closing the connections still open');
          server.closeAllConnections();
        }
        // The store closes last: nothing above may still be writing.
        if (!options.store) await store.close();
      })();
      return closing;
    },
  };
}
