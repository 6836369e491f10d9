import mongoose, { type Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Store } from '../../domain/ports/store';
import { MongoAuditRepository } from './mongo-audit-repository';
import { MongoCachedSecretRepository } from './mongo-cached-secret-repository';
import { MongoInterviewRepository } from './mongo-interview-repository';
import { MongoJobLeaseRepository } from './mongo-job-lease-repository';
import { MongoMeetingDefaultsRepository } from './mongo-meeting-defaults-repository';
import { MongoInterviewRecordingRepository, MongoRecordingSettingsRepository } from './mongo-interview-recording-repository';
import { MongoSettingsRepository } from './mongo-settings-repository';
import { MongoSchedulingReadRepository } from './mongo-scheduling-read-repository';
import { createDeclaredIndexes, mongoModels } from './mongo-models';
import { MongoOAuthStateRepository } from './mongo-oauth-state-repository';
import { MongoRateLimitCounterRepository } from './mongo-rate-limit-counter-repository';
import { MongoUserRepository } from './mongo-user-repository';
import { MongoZoomConnectionRepository } from './mongo-zoom-connection-repository';
import { MongoZoomEventRepository } from './mongo-zoom-event-repository';
import { MongoInterviewAttendanceRepository } from './mongo-interview-attendance-repository';
import { MongoCalendarFeedRepository } from './mongo-calendar-feed-repository';
import { MongoInvitationRepository } from './mongo-invitation-repository';
import { MongoOutboxRepository } from './mongo-outbox-repository';
import { failingFast, storeUnavailable } from './store-unavailable';
import { MongoFallbackHostSlotRepository } from './mongo-fallback-host-slot-repository';

// Every operation inside connection.transaction() joins its session without passing it along.
mongoose.set('transactionAsyncLocalStorage', true);

export interface MongoStoreOptions {
  /** Create missing declared indexes once connected (never drops any). The migrate command does it explicitly. */
  createIndexes?: boolean;
  /** Wait for the first connection before returning (the migrate command); the API starts without waiting. */
  waitForConnection?: boolean;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** How long an operation may wait for a reachable server before it fails (503), unless the URI says otherwise. */
const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 3000;

/**
 * Fails fast: bufferCommands is off, so while MongoDB is unreachable an operation fails (503
 * store_unavailable) instead of queueing; autoIndex is off, indexes are a deliberate step (createDeclaredIndexes).
 * The API starts even when MongoDB is down (it reports not ready) and connects as soon as MongoDB answers.
 */
export async function createMongoStore(uri: string, options: MongoStoreOptions = {}): Promise<Store> {
  const { logger } = options;
  const connectOptions = {
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: DEFAULT_SERVER_SELECTION_TIMEOUT_MS }),
  };
  const connection = mongoose.createConnection();
  const models = mongoModels(connection);
  let transactions: boolean | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const prepare = async () => {
    transactions = await supportsTransactions(connection);
    if (!transactions) logger?.warn({ store: 'mongodb' }, 'MongoDB is not a replica set: state changes and their audit events are written without a transaction');
    if (options.createIndexes ?? true) await createDeclaredIndexes(models);
  };
  // The driver reconnects by itself after an outage, but not when the very first connection fails: retry that here.
  const connectUntilUp = async (attempt: number): Promise<void> => {
    try {
      await connection.openUri(uri, connectOptions);
    } catch (error) {
      if (closed) return;
      const delayMs = Math.min(1000 * 2 ** attempt, 15_000);
      logger?.warn({ err: error, store: 'mongodb', retryInMs: delayMs }, 'MongoDB is not reachable; the API answers 503 until it is');
      await new Promise<void>((resolve) => {
        retryTimer = setTimeout(resolve, delayMs);
        retryTimer.unref();
      });
      if (!closed) return connectUntilUp(attempt + 1);
      return;
    }
    await prepare().catch((error: unknown) => logger?.error({ err: error, store: 'mongodb' }, 'MongoDB: creating declared indexes failed; run the migrate command to see why'));
  };

  if (options.waitForConnection) {
    await connection.openUri(uri, connectOptions);
    await prepare();
  } else {
    // Not ready until it answers; /api/ready says so, and requests answer 503 meanwhile.
    void connectUntilUp(0);
  }

  const serverNow = async (): Promise<Date> => {
    const hello = (await connection.db!.admin().command({ hello: 1 })) as { localTime: Date };
    return hello.localTime;
  };

  return {
    kind: 'mongodb',
    users: failingFast(new MongoUserRepository(models.users)),
    audit: failingFast(new MongoAuditRepository(models.audit)),
    zoomConnections: failingFast(new MongoZoomConnectionRepository(models.users, serverNow)),
    oauthStates: failingFast(new MongoOAuthStateRepository(models.oauthStates)),
    jobLeases: failingFast(new MongoJobLeaseRepository(models.jobLeases)),
    interviews: failingFast(new MongoInterviewRepository(models.interviews)),
    meetingDefaults: failingFast(new MongoMeetingDefaultsRepository(models.meetingDefaults)),
    cachedSecrets: failingFast(new MongoCachedSecretRepository(models.cachedSecrets)),
    rateLimits: failingFast(new MongoRateLimitCounterRepository(models.rateLimitCounters)),
    zoomEvents: failingFast(new MongoZoomEventRepository(models.zoomEvents)),
    interviewAttendance: failingFast(new MongoInterviewAttendanceRepository(models.interviewAttendance)),
    invitations: failingFast(new MongoInvitationRepository(models.invitations)),
    outbox: failingFast(new MongoOutboxRepository(models.outbox)),
    calendarFeeds: failingFast(new MongoCalendarFeedRepository(models.calendarFeeds)),
    interviewRecordings: failingFast(new MongoInterviewRecordingRepository(models.interviewRecordings)),
    recordingSettings: failingFast(new MongoRecordingSettingsRepository(models.recordingSettings)),
    settings: failingFast(new MongoSettingsRepository(models.settings)),
    fallbackHostSlots: failingFast(new MongoFallbackHostSlotRepository(models.fallbackHostSlots)),
    schedulingReads: failingFast(new MongoSchedulingReadRepository(models.users, models.meetingDefaults, models.settings)),
    async atomically<T>(work: () => Promise<T>): Promise<T> {
      if (connection.readyState !== mongoose.ConnectionStates.connected) throw storeUnavailable(new Error('MongoDB is not connected'));
      transactions ??= await supportsTransactions(connection);
      if (!transactions) return work();
      let result: T | undefined;
      await connection.transaction(async () => {
        result = await work();
      });
      return result as T;
    },
    async ping() {
      if (connection.readyState !== mongoose.ConnectionStates.connected || !connection.db) throw storeUnavailable(new Error('MongoDB is not connected'));
      await connection.db.admin().ping();
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await connection.close();
    },
  };
}

/** Transactions need a replica set member or mongos; a standalone mongod refuses them. */
async function supportsTransactions(connection: Connection): Promise<boolean> {
  const hello = (await connection.db!.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
  return Boolean(hello.setName) || hello.msg === 'isdbgrid';
}
