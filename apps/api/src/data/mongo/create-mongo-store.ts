import mongoose from 'mongoose';
import type { Store } from '../../domain/ports/store';
import { auditModel } from './audit-model';
import { calendarFeedModel } from './calendar-feed-model';
import { invitationModel } from './invitation-model';
import { MongoCalendarFeedRepository } from './mongo-calendar-feed-repository';
import { MongoInvitationRepository } from './mongo-invitation-repository';
import { MongoOutboxRepository } from './mongo-outbox-repository';
import { outboxModel } from './outbox-model';
import { cachedSecretModel } from './cached-secret-model';
import { interviewModel } from './interview-model';
import { meetingDefaultsModel } from './meeting-defaults-model';
import { MongoCachedSecretRepository } from './mongo-cached-secret-repository';
import { MongoInterviewRepository } from './mongo-interview-repository';
import { MongoMeetingDefaultsRepository } from './mongo-meeting-defaults-repository';
import { jobLeaseModel } from './job-lease-model';
import { MongoJobLeaseRepository } from './mongo-job-lease-repository';
import { MongoOAuthStateRepository } from './mongo-oauth-state-repository';
import { MongoZoomConnectionRepository } from './mongo-zoom-connection-repository';
import { oauthStateModel } from './oauth-state-model';
import { MongoAuditRepository } from './mongo-audit-repository';
import { MongoUserRepository } from './mongo-user-repository';
import { userModel } from './user-model';

export async function createMongoStore(uri: string): Promise<Store> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000 }).asPromise();
  const users = userModel(connection);
  const audit = auditModel(connection);
  const oauthStates = oauthStateModel(connection);
  const jobLeases = jobLeaseModel(connection);
  const interviews = interviewModel(connection);
  const meetingDefaults = meetingDefaultsModel(connection);
  const cachedSecrets = cachedSecretModel(connection);
  await Promise.all([interviews.syncIndexes(), meetingDefaults.syncIndexes(), cachedSecrets.syncIndexes()]);
  const invitations = invitationModel(connection);
  const outbox = outboxModel(connection);
  const calendarFeeds = calendarFeedModel(connection);
  await Promise.all([invitations.syncIndexes(), outbox.syncIndexes(), calendarFeeds.syncIndexes()]);
  await Promise.all([users.syncIndexes(), audit.syncIndexes(), oauthStates.syncIndexes(), jobLeases.syncIndexes()]);
  return {
    kind: 'mongodb',
    users: new MongoUserRepository(users),
    audit: new MongoAuditRepository(audit),
    zoomConnections: new MongoZoomConnectionRepository(users),
    oauthStates: new MongoOAuthStateRepository(oauthStates),
    jobLeases: new MongoJobLeaseRepository(jobLeases),
    interviews: new MongoInterviewRepository(interviews),
    meetingDefaults: new MongoMeetingDefaultsRepository(meetingDefaults),
    cachedSecrets: new MongoCachedSecretRepository(cachedSecrets),
    invitations: new MongoInvitationRepository(invitations),
    outbox: new MongoOutboxRepository(outbox),
    calendarFeeds: new MongoCalendarFeedRepository(calendarFeeds),
    async ping() {
      await connection.db?.admin().ping();
    },
    async close() {
      await connection.close();
    },
  };
}
