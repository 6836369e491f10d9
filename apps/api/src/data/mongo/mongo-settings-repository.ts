import type { Model } from 'mongoose';
import { DEFAULT_SCHEDULING_SETTINGS, type SchedulingSettings } from '@crm/shared/interviews';
import type { SettingsRepository, StoredSchedulingSettings } from '../../domain/ports/settings-repository';
import type { SettingsDocument } from './settings-model';

const SCHEDULING = 'scheduling';

export function toStored(doc: SettingsDocument | null): StoredSchedulingSettings {
  if (!doc) return { settings: { ...DEFAULT_SCHEDULING_SETTINGS }, updatedAt: null, updatedBy: null };
  return {
    settings: { requireInterviewerZoom: doc.requireInterviewerZoom ?? DEFAULT_SCHEDULING_SETTINGS.requireInterviewerZoom },
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
  };
}

export class MongoSettingsRepository implements SettingsRepository {
  constructor(private readonly model: Model<SettingsDocument>) {}

  async getScheduling(): Promise<StoredSchedulingSettings> {
    return toStored(await this.model.findById(SCHEDULING).lean<SettingsDocument>());
  }

  async putScheduling(settings: SchedulingSettings, changedBy: string, now: Date): Promise<StoredSchedulingSettings> {
    const doc = await this.model
      .findOneAndUpdate({ _id: SCHEDULING }, { $set: { ...settings, updatedAt: now, updatedBy: changedBy } }, { upsert: true, new: true })
      .lean<SettingsDocument>();
    return toStored(doc);
  }
}
