import type { Logger } from 'pino';
import type { ZoomEventServices } from '../app-deps';
import type { Env } from '../config/env';
import type { Clock } from '../domain/ports/clock';
import type { SecretVault } from '../domain/ports/secret-vault';
import type { Store } from '../domain/ports/store';
import type { ZoomEventDeps } from '../domain/zoom-events/zoom-event-deps';
import type { PastMeetingParticipants } from '../domain/zoom-events/catch-up-attendance';
import { ZoomWebhookCounters } from '../domain/zoom-events/zoom-webhook-counters';
import { createZoomEventProcessor } from '../jobs/zoom-event-processor';
import { createTranscriptRetentionJob } from '../jobs/transcript-retention-job';
import { ZoomRecordingDownloads } from '../zoom/zoom-recording-downloads';

/** Tests tune these; production takes the defaults. */
export interface ZoomEventOptions {
  processOnReceipt?: boolean;
  answerBudgetMs?: number;
}

/** Zoom allows 3 s for the 2xx; a quick event is done well before this, a slow one is left to the processor. */
const DEFAULT_ANSWER_BUDGET_MS = 1_000;
/** Retention is counted in days; an hourly pass deletes a transcript at most an hour late. */
const TRANSCRIPT_RETENTION_INTERVAL_MS = 60 * 60_000;

export function createZoomEventServices(input: { env: Env; store: Store; logger: Logger; clock: Clock; owner: string; options: ZoomEventOptions; secrets: SecretVault; pastMeetingParticipants?: PastMeetingParticipants }): ZoomEventServices {
  const { env, store, logger, clock } = input;
  const deps: ZoomEventDeps = {
    events: store.zoomEvents,
    interviews: store.interviews,
    attendance: store.interviewAttendance,
    connections: { connections: store.zoomConnections, users: store.users, audit: store.audit, logger, atomically: (work) => store.atomically(work) },
    zoomClientId: env.ZOOM_CLIENT_ID ?? null,
    owner: input.owner,
    recordings: store.interviewRecordings,
    recordingDownloads: new ZoomRecordingDownloads({ zoomOrigins: [env.ZOOM_OAUTH_BASE_URL, env.ZOOM_API_BASE_URL], timeoutMs: env.ZOOM_HTTP_TIMEOUT_MS }),
    secrets: input.secrets,
    ...(input.pastMeetingParticipants ? { pastMeetingParticipants: input.pastMeetingParticipants } : {}),
    clock,
    logger,
  };
  return {
    deps,
    counters: new ZoomWebhookCounters(),
    processor: createZoomEventProcessor({
      deps,
      leases: store.jobLeases,
      owner: input.owner,
      intervalMs: env.MEETING_WORKER_INTERVAL_MS,
      claimTtlMs: 120_000,
      // Zoom itself gives up on a delivery after about 85 minutes; ours keep trying for a few hours.
      maxAttempts: 10,
      backoff: { baseDelayMs: 5_000, maxDelayMs: 60 * 60 * 1000 },
    }),
    transcriptRetention: createTranscriptRetentionJob({
      deps: { recordings: store.interviewRecordings, settings: store.recordingSettings, clock },
      leases: store.jobLeases,
      owner: input.owner,
      intervalMs: TRANSCRIPT_RETENTION_INTERVAL_MS,
      logger,
      audit: store.audit,
    }),
    processOnReceipt: input.options.processOnReceipt ?? true,
    answerBudgetMs: input.options.answerBudgetMs ?? DEFAULT_ANSWER_BUDGET_MS,
  };
}
