import type { SchedulingReadRepository } from '../ports/scheduling-read-repository';
import type { SettingsRepository } from '../ports/settings-repository';
import type { UserRepository } from '../ports/user-repository';
import { knownRecords, type KnownRecords } from './known-records';

export interface SchedulingReads {
  known: KnownRecords;
  /** The policy as read with the users; absent when the deps have no policy. */
  settings?: Pick<SettingsRepository, 'getScheduling'>;
}

/**
 * What a create needs before it saves, read once: the users (interviewers and organiser) and, for the
 * hosts, their Zoom connection and meeting defaults, plus the scheduling policy. With a store that
 * offers `schedulingReads` that is ONE round trip; the steps after (policy check, Zoom token, meeting
 * defaults, invitation, response) take it from `known` instead of reading again.
 */
export async function readForScheduling(
  deps: { users: Pick<UserRepository, 'findByIds'>; settings?: Pick<SettingsRepository, 'getScheduling'>; schedulingReads?: SchedulingReadRepository },
  userIds: readonly string[],
  hostIds: readonly string[],
): Promise<SchedulingReads> {
  if (!deps.schedulingReads) {
    return { known: knownRecords(await deps.users.findByIds([...userIds])), ...(deps.settings ? { settings: deps.settings } : {}) };
  }
  const snapshot = await deps.schedulingReads.findForScheduling({ userIds, hostIds });
  const known = knownRecords(snapshot.users);
  known.meetingDefaults = snapshot.meetingDefaults;
  known.connections = snapshot.connections;
  return { known, ...(deps.settings ? { settings: { getScheduling: async () => snapshot.scheduling } } : {}) };
}
