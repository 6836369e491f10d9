import mongoose from 'mongoose';
import type { Store } from '../../domain/ports/store';
import { auditModel } from './audit-model';
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
import { zoomEventModel } from './zoom-event-model';
import { MongoZoomEventRepository } from './mongo-zoom-event-repository';
import { interviewAttendanceModel } from './interview-attendance-model';
import { MongoInterviewAttendanceRepository } from './mongo-interview-attendance-repository';

export async function createMongoStore(uri: string): Promise<Store> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000 }).asPromise();
  const users = userModel(connection);
  const audit = auditModel(connection);
  const oauthStates = oauthStateModel(connection);
  const jobLeases = jobLeaseModel(connection);
  const interviews = interviewModel(connection);
  const meetingDefaults = meetingDefaultsModel(connection);
  const cachedSecrets = cachedSecretModel(connection);
  const zoomEvents = zoomEventModel(connection);
  const interviewAttendance = interviewAttendanceModel(connection);
  await Promise.all([zoomEvents.syncIndexes(), interviewAttendance.syncIndexes()]);
  await Promise.all([interviews.syncIndexes(), meetingDefaults.syncIndexes(), cachedSecrets.syncIndexes()]);
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
    zoomEvents: new MongoZoomEventRepository(zoomEvents),
    interviewAttendance: new MongoInterviewAttendanceRepository(interviewAttendance),
    async ping() {
      await connection.db?.admin().ping();
    },
    async close() {
      await connection.close();
    },
  };
}
