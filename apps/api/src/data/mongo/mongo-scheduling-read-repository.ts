import type { Model, PipelineStage } from 'mongoose';
import type { MeetingDefaults } from '@crm/shared/interviews';
import type { SchedulingReadRepository, SchedulingSnapshot } from '../../domain/ports/scheduling-read-repository';
import type { StoredZoomConnection } from '../../domain/ports/zoom-connection-repository';
import { toUserRecord } from '../user-document';
import type { MeetingDefaultsDocument } from './meeting-defaults-model';
import { toDefaults } from './mongo-meeting-defaults-repository';
import { toStored } from './mongo-settings-repository';
import { CONTESTED, connectionFromDocument } from './mongo-zoom-connection-repository';
import type { SettingsDocument } from './settings-model';
import type { UserDocument } from './user-model';

type Tagged =
  | (UserDocument & { kind: 'user'; refreshContested: boolean })
  | (MeetingDefaultsDocument & { kind: 'meetingDefaults' })
  | (SettingsDocument & { kind: 'settings' });

function connectionOf(doc: UserDocument & { refreshContested: boolean }): StoredZoomConnection {
  // Judged by the server's clock inside the same aggregate ($$NOW), as getConnection does.
  return connectionFromDocument(doc, doc.refreshContested === true);
}

/**
 * One aggregate, one round trip: the users (their documents hold the Zoom connection, tokens included),
 * then `$unionWith` the hosts' meeting defaults and the scheduling settings document. Each document is
 * tagged with its kind so the three can be told apart. Needs MongoDB 4.4+ ($unionWith).
 */
export class MongoSchedulingReadRepository implements SchedulingReadRepository {
  constructor(
    private readonly users: Model<UserDocument>,
    private readonly meetingDefaults: Model<MeetingDefaultsDocument>,
    private readonly settings: Model<SettingsDocument>,
  ) {}

  async findForScheduling(query: { userIds: readonly string[]; hostIds: readonly string[] }): Promise<SchedulingSnapshot> {
    const hostIds = [...new Set(query.hostIds)];
    const userIds = [...new Set([...query.userIds, ...hostIds])];
    const pipeline: PipelineStage[] = [
      { $match: { _id: { $in: userIds } } },
      // The password hash never leaves the store for this.
      { $project: { passwordHash: 0 } },
      { $addFields: { kind: 'user', refreshContested: CONTESTED } },
      { $unionWith: { coll: this.meetingDefaults.collection.collectionName, pipeline: [{ $match: { _id: { $in: hostIds } } }, { $addFields: { kind: 'meetingDefaults' } }] } },
      { $unionWith: { coll: this.settings.collection.collectionName, pipeline: [{ $match: { _id: 'scheduling' } }, { $addFields: { kind: 'settings' } }] } },
    ];
    const docs = await this.users.aggregate<Tagged>(pipeline);
    const users = docs.filter((doc) => doc.kind === 'user');
    const defaults = new Map(docs.filter((doc) => doc.kind === 'meetingDefaults').map((doc) => [doc._id, toDefaults(doc)]));
    const settings = docs.find((doc) => doc.kind === 'settings');
    const hostDocs = new Map(users.filter((doc) => hostIds.includes(doc._id)).map((doc) => [doc._id, doc]));
    return {
      users: users.map((doc) => toUserRecord(doc._id, doc)),
      connections: new Map(hostIds.map((id) => [id, hostDocs.has(id) ? connectionOf(hostDocs.get(id)!) : null])),
      meetingDefaults: new Map(hostIds.map((id): [string, MeetingDefaults | null] => [id, defaults.get(id) ?? null])),
      scheduling: toStored(settings ?? null),
    };
  }
}
