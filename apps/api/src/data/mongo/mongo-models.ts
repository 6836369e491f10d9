import type { Connection, Model } from 'mongoose';

type AnyModel = Pick<Model<unknown>, 'createCollection' | 'createIndexes' | 'schema' | 'collection'>;
import { auditModel } from './audit-model';
import { cachedSecretModel } from './cached-secret-model';
import { interviewModel } from './interview-model';
import { jobLeaseModel } from './job-lease-model';
import { meetingDefaultsModel } from './meeting-defaults-model';
import { oauthStateModel } from './oauth-state-model';
import { rateLimitCounterModel } from './rate-limit-counter-model';
import { userModel } from './user-model';
import { zoomEventModel } from './zoom-event-model';
import { interviewAttendanceModel } from './interview-attendance-model';
import { calendarFeedModel } from './calendar-feed-model';
import { invitationModel } from './invitation-model';
import { outboxModel } from './outbox-model';
import { interviewRecordingModel, recordingSettingsModel } from './interview-recording-model';
import { settingsModel } from './settings-model';
import { fallbackHostSlotModel } from './fallback-host-slot-model';

/** Every model the store uses, compiled once per connection. */
export function mongoModels(connection: Connection) {
  return {
    users: userModel(connection),
    audit: auditModel(connection),
    oauthStates: oauthStateModel(connection),
    jobLeases: jobLeaseModel(connection),
    interviews: interviewModel(connection),
    meetingDefaults: meetingDefaultsModel(connection),
    cachedSecrets: cachedSecretModel(connection),
    rateLimitCounters: rateLimitCounterModel(connection),
    zoomEvents: zoomEventModel(connection),
    interviewAttendance: interviewAttendanceModel(connection),
    invitations: invitationModel(connection),
    outbox: outboxModel(connection),
    calendarFeeds: calendarFeedModel(connection),
    interviewRecordings: interviewRecordingModel(connection),
    recordingSettings: recordingSettingsModel(connection),
    settings: settingsModel(connection),
    fallbackHostSlots: fallbackHostSlotModel(connection),
  };
}

export type MongoModels = ReturnType<typeof mongoModels>;

/**
 * Creates the indexes the schemas declare that are missing. Never drops one (unlike syncIndexes, which
 * removes every index a schema does not name, on every instance, during every rolling deploy): an index
 * made by hand stays, and an index no longer declared is removed by a person, deliberately.
 */
export async function createDeclaredIndexes(models: MongoModels): Promise<{ collection: string; indexes: string[] }[]> {
  const report = [];
  for (const model of Object.values(models) as unknown as AnyModel[]) {
    await model.createCollection().catch((error: unknown) => {
      // 48: NamespaceExists. Creating first keeps createIndexes out of implicit collection creation inside transactions.
      if ((error as { code?: number }).code !== 48) throw error;
    });
    await model.createIndexes();
    const declared = model.schema.indexes().map(([fields]) => Object.entries(fields).map(([key, dir]) => `${key}_${String(dir)}`).join('_'));
    report.push({ collection: model.collection.collectionName, indexes: declared });
  }
  return report;
}
