import type { MeetingDefaults } from '@crm/shared/interviews';
import type { MeetingDefaultsRepository } from '../../domain/ports/meeting-defaults-repository';
import type { SchedulingReadRepository, SchedulingSnapshot } from '../../domain/ports/scheduling-read-repository';
import type { SettingsRepository } from '../../domain/ports/settings-repository';
import type { UserRepository } from '../../domain/ports/user-repository';
import type { StoredZoomConnection, ZoomConnectionRepository } from '../../domain/ports/zoom-connection-repository';

/** The memory store's snapshot: its own repositories, read directly (one process, nothing to round-trip to). */
export class MemorySchedulingReadRepository implements SchedulingReadRepository {
  constructor(
    private readonly users: Pick<UserRepository, 'findByIds'>,
    private readonly connections: Pick<ZoomConnectionRepository, 'getConnection'>,
    private readonly meetingDefaults: Pick<MeetingDefaultsRepository, 'get'>,
    private readonly settings: Pick<SettingsRepository, 'getScheduling'>,
  ) {}

  async findForScheduling(query: { userIds: readonly string[]; hostIds: readonly string[] }): Promise<SchedulingSnapshot> {
    const hostIds = [...new Set(query.hostIds)];
    const [users, connections, defaults, scheduling] = await Promise.all([
      this.users.findByIds([...new Set([...query.userIds, ...hostIds])]),
      Promise.all(hostIds.map(async (id): Promise<[string, StoredZoomConnection | null]> => [id, await this.connections.getConnection(id)])),
      Promise.all(hostIds.map(async (id): Promise<[string, MeetingDefaults | null]> => [id, await this.meetingDefaults.get(id)])),
      this.settings.getScheduling(),
    ]);
    return { users, connections: new Map(connections), meetingDefaults: new Map(defaults), scheduling };
  }
}
