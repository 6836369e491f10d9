import type { MeetingDefaults } from '@crm/shared/interviews';

/** Each user's own meeting settings, used for meetings on their Zoom account. */
export interface MeetingDefaultsRepository {
  /** Null when the user never saved any (the organisation defaults apply). */
  get(userId: string): Promise<MeetingDefaults | null>;
  put(userId: string, defaults: MeetingDefaults): Promise<MeetingDefaults>;
}
