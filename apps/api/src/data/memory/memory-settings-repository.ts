import { DEFAULT_SCHEDULING_SETTINGS, type SchedulingSettings } from '@crm/shared/interviews';
import type { SettingsRepository, StoredSchedulingSettings } from '../../domain/ports/settings-repository';

export class MemorySettingsRepository implements SettingsRepository {
  private scheduling: StoredSchedulingSettings = { settings: { ...DEFAULT_SCHEDULING_SETTINGS }, updatedAt: null, updatedBy: null };

  async getScheduling(): Promise<StoredSchedulingSettings> {
    return structuredClone(this.scheduling);
  }

  async putScheduling(settings: SchedulingSettings, changedBy: string, now: Date): Promise<StoredSchedulingSettings> {
    this.scheduling = { settings: { ...DEFAULT_SCHEDULING_SETTINGS, ...settings }, updatedAt: new Date(now), updatedBy: changedBy };
    return structuredClone(this.scheduling);
  }
}
