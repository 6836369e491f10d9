import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import type { ZoomConnectionRepository } from '../domain/ports/zoom-connection-repository';
import type { UserAccessTokens } from '../domain/ports/access-token-source';

export const IDLE_REFRESH_JOB = 'refresh-idle-zoom-connections';

export interface IdleRefreshDeps {
  connections: ZoomConnectionRepository;
  jobLeases: JobLeaseRepository;
  userAccessTokens: UserAccessTokens;
  logger: Logger;
  /** Refresh connections whose tokens were last refreshed longer ago than this (ZOOM_IDLE_REFRESH_HOURS). */
  idleMs: number;
}

export interface IdleRefreshRun {
  ran: boolean;
  refreshed: number;
  failed: number;
}

/**
 * One pass: refreshes connections idle longer than `idleMs`, so a refresh token never lapses from disuse.
 * Only the process holding the job lease runs it; the others skip this pass.
 */
export async function refreshIdleConnections(deps: IdleRefreshDeps, owner: string, options: { now?: Date; batchSize?: number; leaseTtlMs?: number } = {}): Promise<IdleRefreshRun> {
  const leaseTtlMs = options.leaseTtlMs ?? 10 * 60 * 1000;
  if (!(await deps.jobLeases.acquire(IDLE_REFRESH_JOB, owner, leaseTtlMs))) return { ran: false, refreshed: 0, failed: 0 };
  const run: IdleRefreshRun = { ran: true, refreshed: 0, failed: 0 };
  try {
    const now = options.now ?? new Date();
    const idle = await deps.connections.listIdleConnections(new Date(now.getTime() - deps.idleMs), options.batchSize ?? 200);
    for (const userId of idle) {
      const result = await deps.userAccessTokens.forUser(userId).getAccessToken({ forceRefresh: true });
      if (result.ok) run.refreshed += 1;
      else run.failed += 1;
    }
    if (idle.length > 0) deps.logger.info({ job: IDLE_REFRESH_JOB, ...run }, 'refreshed idle Zoom connections');
    return run;
  } finally {
    await deps.jobLeases.release(IDLE_REFRESH_JOB, owner).catch(() => undefined);
  }
}

export interface IdleRefreshJob {
  /** Resolves when the pass in progress (if any) has finished. */
  settled(): Promise<void>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * Runs one pass right after start, then on a timer until `stop()`. The pass at start matters: a process
 * restarted more often than the interval (frequent deploys) would otherwise never run one.
 */
export function startIdleRefreshJob(deps: IdleRefreshDeps, options: { intervalMs?: number } = {}): IdleRefreshJob {
  const owner = `idle-refresh:${process.pid}:${randomUUID()}`;
  // Check several times per idle window, but never more than every 15 minutes or less than every second.
  const intervalMs = options.intervalMs ?? Math.max(1000, Math.min(15 * 60 * 1000, deps.idleMs / 4));
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const runPass = () => {
    if (stopped) return;
    current = current
      .then(() => refreshIdleConnections(deps, owner))
      .catch((error: unknown) => deps.logger.error({ job: IDLE_REFRESH_JOB, err: error }, 'idle Zoom refresh pass failed'));
  };
  const first = setTimeout(runPass, 0);
  const timer = setInterval(runPass, intervalMs);
  first.unref();
  timer.unref();
  return {
    async settled() {
      await current;
    },
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await current;
    },
  };
}
