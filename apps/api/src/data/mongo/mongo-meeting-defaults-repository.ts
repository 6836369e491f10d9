import type { Model } from 'mongoose';
import type { MeetingDefaults } from '@crm/shared/interviews';
import type { MeetingDefaultsRepository } from '../../domain/ports/meeting-defaults-repository';
import type { MeetingDefaultsDocument } from './meeting-defaults-model';

export function toDefaults(doc: MeetingDefaultsDocument): MeetingDefaults {
  return { waitingRoom: doc.waitingRoom, autoRecording: doc.autoRecording, joinBeforeHost: doc.joinBeforeHost, muteUponEntry: doc.muteUponEntry };
}

export class MongoMeetingDefaultsRepository implements MeetingDefaultsRepository {
  constructor(private readonly model: Model<MeetingDefaultsDocument>) {}

  async get(userId: string): Promise<MeetingDefaults | null> {
    const doc = await this.model.findById(userId).lean<MeetingDefaultsDocument>();
    return doc ? toDefaults(doc) : null;
  }

  async put(userId: string, defaults: MeetingDefaults): Promise<MeetingDefaults> {
    const doc = await this.model
      .findOneAndUpdate({ _id: userId }, { $set: { ...defaults, updatedAt: new Date() } }, { upsert: true, new: true })
      .lean<MeetingDefaultsDocument>();
    return toDefaults(doc);
  }
}
