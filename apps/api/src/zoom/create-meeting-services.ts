import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { InterviewDeps } from '../domain/interviews/interview-deps';
import { makeCreateZoomMeeting, makeFindUnconfirmedZoomMeeting } from '../domain/meetings/create-zoom-meeting';
import { makeDeleteZoomMeeting } from '../domain/meetings/delete-zoom-meeting';
import type { MeetingServiceDeps } from '../domain/meetings/meeting-service-deps';
import { makeUpdateZoomMeeting } from '../domain/meetings/update-zoom-meeting';
import type { Store } from '../domain/ports/store';
import type { ZoomUserTokens } from '../domain/ports/zoom-user-tokens';
import { startMeetingSyncWorker, type MeetingSyncWorker } from '../jobs/meeting-sync-worker';
import { TokenCipher } from '../security/token-cipher';
import { ServerToServerToken } from './server-to-server-token';
import { ZoomApiClient } from './zoom-api-client';

export interface MeetingServices {
  meetings: MeetingServiceDeps;
  interviews: InterviewDeps;
  systemToken: ServerToServerToken | null;
  /** Runs on its timer only when BACKGROUND_JOBS is on; `runOnce` works either way. */
  worker: MeetingSyncWorker;
}

/** Meetings and interviews wired to Zoom (or the simulator, by base URL) and the store. */
export function createMeetingServices(env: Env, store: Store, logger: Logger, userTokens: ZoomUserTokens, options: { sleep?: (ms: number) => Promise<void> } = {}): MeetingServices {
  const cipher = new TokenCipher(env.TOKEN_ENCRYPTION_KEYS);
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const zoomApi = new ZoomApiClient({
    baseUrl: env.ZOOM_API_BASE_URL,
    timeoutMs: env.ZOOM_HTTP_TIMEOUT_MS,
    retry: { maxAttempts: env.ZOOM_HTTP_MAX_ATTEMPTS, baseDelayMs: env.ZOOM_HTTP_RETRY_BASE_MS },
    sleep: options.sleep,
    logger,
  });
  const systemToken =
    env.ZOOM_ACCOUNT_ID && env.ZOOM_S2S_CLIENT_ID && env.ZOOM_S2S_CLIENT_SECRET
      ? new ServerToServerToken({
          oauthBaseUrl: env.ZOOM_OAUTH_BASE_URL,
          accountId: env.ZOOM_ACCOUNT_ID,
          clientId: env.ZOOM_S2S_CLIENT_ID,
          clientSecret: env.ZOOM_S2S_CLIENT_SECRET,
          timeoutMs: env.ZOOM_HTTP_TIMEOUT_MS,
          cachedSecrets: store.cachedSecrets,
          leases: store.jobLeases,
          cipher,
          logger,
        })
      : null;
  const meetings: MeetingServiceDeps = {
    userTokens,
    systemToken,
    systemHostUserId: env.ZOOM_USER_ID,
    zoomApi,
    meetingDefaults: store.meetingDefaults,
    interviews: store.interviews,
    logger,
  };
  const interviews: InterviewDeps = {
    interviews: store.interviews,
    users: store.users,
    cipher,
    createZoomMeeting: makeCreateZoomMeeting(meetings),
    findUnconfirmedZoomMeeting: makeFindUnconfirmedZoomMeeting(meetings),
    updateZoomMeeting: makeUpdateZoomMeeting(meetings),
    deleteZoomMeeting: makeDeleteZoomMeeting(meetings),
    logger,
    now: () => new Date(),
    owner,
    // Outlasts the slowest create: every attempt timing out, Retry-After waits, plus token renewals.
    claimTtlMs: env.ZOOM_HTTP_TIMEOUT_MS * env.ZOOM_HTTP_MAX_ATTEMPTS * 3 + 120_000,
    retryBaseMs: env.MEETING_WORKER_INTERVAL_MS,
  };
  const worker = startMeetingSyncWorker({
    deps: interviews,
    leases: store.jobLeases,
    intervalMs: env.MEETING_WORKER_INTERVAL_MS,
    logger,
    autoStart: env.BACKGROUND_JOBS,
  });
  return { meetings, interviews, systemToken, worker };
}
