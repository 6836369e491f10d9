import type { Logger } from 'pino';
import type { Env } from './config/env';
import type { InterviewDeps } from './domain/interviews/interview-deps';
import type { InvitationDeps } from './domain/invitations/invitation-deps';
import type { MeetingServiceDeps } from './domain/meetings/meeting-service-deps';
import type { UserAccessTokens } from './domain/ports/access-token-source';
import type { Clock } from './domain/ports/clock';
import type { PasswordHasher } from './domain/ports/password-hasher';
import type { Store } from './domain/ports/store';
import type { ZoomConnectionDeps } from './domain/zoom-connection/zoom-connection-deps';
import type { SsoDeps } from './domain/sso/sso-deps';
import type { MeetingSyncWorker } from './jobs/meeting-sync-worker';
import type { SessionStatusCache } from './security/session-status-cache';
import type { ZoomEventProcessor } from './jobs/zoom-event-processor';
import type { ZoomEventDeps } from './domain/zoom-events/zoom-event-deps';
import type { ZoomWebhookCounters } from './domain/zoom-events/zoom-webhook-counters';
import type { OutboxWorker } from './jobs/outbox-worker';
import type { LeasedPeriodicJob } from './jobs/leased-periodic-job';
import type { ServerToServerToken } from './zoom/server-to-server-token';
import type { ReminderDeps } from './domain/reminders/reminder-deps';
import type { ZoomReconnectReminderJob } from './jobs/zoom-reconnect-reminder-job';

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

/** The Zoom webhook pipeline: intake records, the processor acts. */
export interface ZoomEventServices {
  deps: ZoomEventDeps;
  counters: ZoomWebhookCounters;
  /** Runs on its timer only when BACKGROUND_JOBS is on; `processNow` and `runOnce` work either way. */
  processor: ZoomEventProcessor;
  /** Whether the webhook route starts processing a new event at once (off: only the processor's passes do). */
  processOnReceipt: boolean;
  /**
   * How long the webhook answer may wait for that immediate processing before acknowledging anyway; the
   * event is durable by then, and Zoom wants its 2xx within 3 s.
   */
  answerBudgetMs: number;
  /** Deletes transcript text past the admins' retention; on its timer only when BACKGROUND_JOBS is on. */
  transcriptRetention: LeasedPeriodicJob;
}

/** Calendar invitations, the email outbox and the interviewers' calendar feeds. */
export interface InvitationServices {
  deps: InvitationDeps;
  /** Sends the outbox; null when SMTP_URL is not set. Runs on its timer only when BACKGROUND_JOBS is on. */
  outboxWorker: OutboxWorker | null;
  /** Origin the calendar feed URLs are built on (the web app, which proxies /api). */
  publicUrl: string;
}

/** Reconnect reminders (the job and the banner) and the admins' "please connect Zoom" nudge. */
export interface ReminderServices {
  deps: ReminderDeps;
  /** Runs on its timer only when BACKGROUND_JOBS is on; `runOnce` works either way (and queues nothing without SMTP_URL). */
  job: ZoomReconnectReminderJob;
}

/** Everything the HTTP layer needs, built once by the composition root (src/composition) or a test. */
export interface AppDeps {
  env: Env;
  logger: Logger;
  store: Store;
  passwords: PasswordHasher;
  clock: Clock;
  /** Whether a verified session still stands (session version, active account); forget(userId) after a change. */
  sessions: SessionStatusCache;
  /** Every user's usable Zoom access token, refreshed as needed (what meeting code uses). */
  userAccessTokens: UserAccessTokens;
  zoomConnection: ZoomConnectionServices;
  meetings: MeetingServices;
  zoomEvents: ZoomEventServices;
  invitations: InvitationServices;
  reminders: ReminderServices;
  /** OIDC single sign-on (provider null when not configured). */
  sso: SsoDeps;
}
