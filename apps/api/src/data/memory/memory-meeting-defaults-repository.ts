import type { MeetingDefaults } from '@crm/shared/interviews';
import type { MeetingDefaultsRepository } from '../../domain/ports/meeting-defaults-repository';

export class MemoryMeetingDefaultsRepository implements MeetingDefaultsRepository {
  private readonly byUser = new Map<string, MeetingDefaults>();

  async get(userId: string): Promise<MeetingDefaults | null> {
    const found = this.byUser.get(userId);
    return found ? { ...found } : null;
  }

  async put(userId: string, defaults: MeetingDefaults): Promise<MeetingDefaults> {
    this.byUser.set(userId, { ...defaults });
    return { ...defaults };
  }
}
