import type { MeetingDefaults } from '@crm/shared/interviews';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';
import type { UserRecord, UserRepository } from '../ports/user-repository';
import type { StoredZoomConnection } from '../ports/zoom-connection-repository';

/**
 * Records one request has already read (users by id, a host's meeting defaults), handed along so the
 * steps after it (the meeting, the invitation, the response) never read them again: on MongoDB every
 * read is a round trip. Lives for one request only, so nothing stale outlives it.
 */
export interface KnownRecords {
  users: Map<string, UserRecord | null>;
  meetingDefaults: Map<string, MeetingDefaults | null>;
  /** Hosts' Zoom connections read with the users (see read-for-scheduling.ts), for their first token. */
  connections?: Map<string, StoredZoomConnection | null>;
}

export function knownRecords(users: readonly UserRecord[] = []): KnownRecords {
  return { users: new Map(users.map((user) => [user.id, user])), meetingDefaults: new Map() };
}

/** Looks a user up once per request: from what is known, else from the store (remembering the answer). */
export function knownUsers(known: KnownRecords, users: Pick<UserRepository, 'findById'> & Partial<Pick<UserRepository, 'findByIds'>>): Pick<UserRepository, 'findById' | 'findByIds'> {
  return {
    async findByIds(ids) {
      const missing = [...new Set(ids)].filter((id) => !known.users.has(id));
      if (missing.length > 0) {
        const read = users.findByIds ? await users.findByIds(missing) : (await Promise.all(missing.map((id) => users.findById(id)))).filter((user) => user !== null);
        const found = new Map(read.map((user) => [user.id, user]));
        for (const id of missing) known.users.set(id, found.get(id) ?? null);
      }
      return ids.flatMap((id) => known.users.get(id) ?? []);
    },
    async findById(id) {
      if (known.users.has(id)) return known.users.get(id) ?? null;
      const user = await users.findById(id);
      known.users.set(id, user);
      return user;
    },
  };
}

/** A host's meeting defaults, read once per request. */
export function knownMeetingDefaults(known: KnownRecords, defaults: Pick<MeetingDefaultsRepository, 'get'>): Pick<MeetingDefaultsRepository, 'get'> {
  return {
    async get(userId) {
      if (known.meetingDefaults.has(userId)) return known.meetingDefaults.get(userId) ?? null;
      const found = await defaults.get(userId);
      known.meetingDefaults.set(userId, found);
      return found;
    },
  };
}
