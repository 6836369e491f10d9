import type { SchedulingSettings } from '@crm/shared/interviews';

export interface StoredSchedulingSettings {
  settings: SchedulingSettings;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The organisation's scheduling policy: one record, defaults until an admin saves. */
export interface SettingsRepository {
  getScheduling(): Promise<StoredSchedulingSettings>;
  putScheduling(settings: SchedulingSettings, changedBy: string, now: Date): Promise<StoredSchedulingSettings>;
}
