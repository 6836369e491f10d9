import { recordJobFailure, type AuditedJob } from '../domain/audit/record-job-failure';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import type { ZoomEventRecord } from '../domain/ports/zoom-event-repository';
import { processZoomEvent } from '../domain/zoom-events/process-zoom-event';
import type { ZoomEventDeps } from '../domain/zoom-events/zoom-event-deps';
import { backoffDelayMs, type BackoffPolicy } from '../retry/backoff';
import { createLeasedPeriodicJob } from './leased-periodic-job';

export const ZOOM_EVENT_PROCESSOR_LEASE = 'zoom-event-processor' satisfies AuditedJob;

export interface ZoomEventProcessor {
  /** Drains due events every interval until stop(); only the composition root calls it (with BACKGROUND_JOBS). */
  start(): void;
  /** One pass: claims and processes every due event. Returns how many it handled. */
  runOnce(): Promise<number>;
  /** Processes this event now, unless someone else holds it; the webhook route calls it right after recording. */
  processNow(eventId: string): Promise<void>;
  /** Resolves once nothing this processor started is still running. */
  idle(): Promise<void>;
  /** Stops the timer, waits for work in progress and gives up the lease. */
  stop(): Promise<void>;
}

export interface ZoomEventProcessorOptions {
  deps: ZoomEventDeps;
  leases: JobLeaseRepository;
  /** Identifies this process in claims and leases. */
  owner: string;
  intervalMs: number;
  /** How long a claim lasts; another process takes the event over once it lapses (this one died mid-way). */
  claimTtlMs: number;
  /** Tries per event before it is marked failed; waits between tries follow the shared backoff. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  concurrency?: number;
}

/**
 * Drains the recorded Zoom events. Each event is claimed before it is processed, so the route's immediate
 * attempt, this process's passes and other processes never act on one event twice at once; a failure is
 * retried with backoff on the injected clock, and an event whose processor died is taken over when its
 * claim lapses, so a restart loses nothing.
 */
export function createZoomEventProcessor(options: ZoomEventProcessorOptions): ZoomEventProcessor {
  const { deps, leases, owner, intervalMs, claimTtlMs, maxAttempts, backoff } = options;
  const concurrency = options.concurrency ?? 4;
  const { events, clock, logger } = deps;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  async function handle(record: ZoomEventRecord): Promise<void> {
    try {
      const outcome = await processZoomEvent(deps, record);
      await events.finish(record.id, owner, { status: 'processed', outcome, error: null, at: clock.now() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (record.attempts >= maxAttempts) {
        logger.error({ err: error, zoomEventId: record.id, zoomEvent: record.event, attempts: record.attempts }, 'Zoom event failed for good');
        await events.finish(record.id, owner, { status: 'failed', outcome: null, error: message, at: clock.now() });
        await recordJobFailure(
          { audit: deps.connections.audit, clock },
          { job: ZOOM_EVENT_PROCESSOR_LEASE, details: { zoomEventId: record.id, zoomEvent: record.event, attempts: record.attempts, message: message.slice(0, 300) } },
        ).catch((auditError: unknown) => logger.error({ err: auditError, zoomEventId: record.id }, 'could not audit a Zoom event that failed for good'));
        return;
      }
      const waitMs = backoffDelayMs(backoff, record.attempts);
      logger.warn({ err: error, zoomEventId: record.id, zoomEvent: record.event, attempts: record.attempts, waitMs }, 'Zoom event processing failed; will retry');
      await events.retryLater(record.id, owner, { error: message, nextAttemptAt: new Date(clock.now().getTime() + waitMs) });
    }
  }

  async function drainDue(isStopped: () => boolean): Promise<number> {
    let handled = 0;
    const lane = async () => {
      while (!isStopped()) {
        const now = clock.now();
        const claimed = await events.claimNextDue(owner, new Date(now.getTime() + claimTtlMs), now);
        if (!claimed) return;
        handled += 1;
        await handle(claimed);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return handled;
  }

  // The shared timer, lease and shutdown; each pass is tracked, so idle() and stop() wait for one the timer started too.
  const job = createLeasedPeriodicJob({
    lease: { name: ZOOM_EVENT_PROCESSOR_LEASE, owner, ttlMs: Math.max(intervalMs * 3, claimTtlMs) },
    leases,
    intervalMs,
    logger,
    what: 'Zoom event pass',
    // Whatever an earlier process recorded but did not finish is due now, not one interval later.
    firstPassAtStart: true,
    pass: (isStopped) => track(drainDue(isStopped)),
  });

  async function drainInFlight(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return {
    start: () => job.start(),
    runOnce: () => job.runOnce(),
    processNow(eventId) {
      if (stopped) return Promise.resolve();
      return track(
        (async () => {
          const now = clock.now();
          const claimed = await events.claim(eventId, owner, new Date(now.getTime() + claimTtlMs), now);
          if (claimed) await handle(claimed);
        })().catch((error: unknown) => {
          // The event stays recorded and due: the next pass retries it.
          logger.error({ err: error, zoomEventId: eventId }, 'Zoom event could not be processed on receipt; left for the processor');
        }),
      );
    },
    idle: drainInFlight,
    async stop() {
      stopped = true;
      // No pass starts after this; the one running and every event processed on receipt finish first.
      const stopping = job.stop();
      await drainInFlight();
      await stopping;
    },
  };
}
