import type { Logger } from 'pino';
import type { Env } from './config/env';
import type { InterviewDeps } from './domain/interviews/interview-deps';
import type { InvitationDeps } from './domain/invitations/invitation-deps';
import type { MeetingServiceDeps } from './domain/meetings/meeting-service-deps';
import type { UserAccessTokens } from './domain/ports/access-token-source';
import type { PasswordHasher } from './domain/ports/password-hasher';
import type { Store } from './domain/ports/store';
import type { ZoomConnectionDeps } from './domain/zoom-connection/zoom-connection-deps';
import type { MeetingSyncWorker } from './jobs/meeting-sync-worker';
import type { OutboxWorker } from './jobs/outbox-worker';
import type { ServerToServerToken } from './zoom/server-to-server-token';

/** The Zoom connection lifecycle: connect, callback, disconnect, webhook. */
export interface ZoomConnectionServices {
  deps: ZoomConnectionDeps;
  webhookSecretToken: string | null;
}

/** Meetings (interviewer's Zoom first, S2S fallback), interviews and the meeting sync worker. */
export interface MeetingServices {
  meetings: MeetingServiceDeps;
  interviews: InterviewDeps;
  /** The organisation's Server-to-Server token; null when not configured. */
  systemToken: ServerToServerToken | null;
  /** Runs on its timer only when BACKGROUND_JOBS is on; `runOnce` works either way. */
  worker: MeetingSyncWorker;
}

/** Calendar invitations, the email outbox and the interviewers' calendar feeds. */
export interface InvitationServices {
  deps: InvitationDeps;
  /** Sends the outbox; null when SMTP_URL is not set. Runs on its timer only when BACKGROUND_JOBS is on. */
  outboxWorker: OutboxWorker | null;
  /** Origin the calendar feed URLs are built on (the web app, which proxies /api). */
  publicUrl: string;
}

/** Everything the HTTP layer needs, built once by the composition root (src/composition) or a test. */
export interface AppDeps {
  env: Env;
  logger: Logger;
  store: Store;
  passwords: PasswordHasher;
  /** Every user's usable Zoom access token, refreshed as needed (what meeting code uses). */
  userAccessTokens: UserAccessTokens;
  zoomConnection: ZoomConnectionServices;
  meetings: MeetingServices;
  invitations: InvitationServices;
}
