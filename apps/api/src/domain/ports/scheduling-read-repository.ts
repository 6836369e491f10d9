import type { MeetingDefaults } from '@crm/shared/interviews';
import type { StoredSchedulingSettings } from './settings-repository';
import type { UserRecord } from './user-repository';
import type { StoredZoomConnection } from './zoom-connection-repository';

/** Everything a create reads before it saves, as one snapshot. */
export interface SchedulingSnapshot {
  /** The users asked for that exist (interviewers and the organiser). */
  users: UserRecord[];
  /** Each host's Zoom connection with its encrypted tokens; null for a host that does not exist. */
  connections: Map<string, StoredZoomConnection | null>;
  /** Each host's own meeting defaults; null when they never saved any. */
  meetingDefaults: Map<string, MeetingDefaults | null>;
  /** The organisation's scheduling policy. */
  scheduling: StoredSchedulingSettings;
}

/**
 * The reads of a create in ONE store round trip (issue 17: at most 3 per create): the users, the hosts'
 * connections (they live on the user documents), the hosts' meeting defaults and the scheduling policy.
 * MongoDB: one aggregate on the users collection with `$unionWith` the other two collections.
 */
export interface SchedulingReadRepository {
  findForScheduling(query: { userIds: readonly string[]; hostIds: readonly string[] }): Promise<SchedulingSnapshot>;
}
