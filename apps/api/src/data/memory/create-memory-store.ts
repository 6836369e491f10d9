import type { Store } from '../../domain/ports/store';
import { MemoryAuditRepository } from './memory-audit-repository';
import { MemoryCalendarFeedRepository } from './memory-calendar-feed-repository';
import { MemoryInvitationRepository } from './memory-invitation-repository';
import { MemoryOutboxRepository } from './memory-outbox-repository';
import { MemoryCachedSecretRepository } from './memory-cached-secret-repository';
import { MemoryInterviewRepository } from './memory-interview-repository';
import { MemoryMeetingDefaultsRepository } from './memory-meeting-defaults-repository';
import { MemoryInterviewRecordingRepository, MemoryRecordingSettingsRepository } from './memory-interview-recording-repository';
import { MemorySettingsRepository } from './memory-settings-repository';
import { MemoryJobLeaseRepository } from './memory-job-lease-repository';
import { MemoryOAuthStateRepository } from './memory-oauth-state-repository';
import { MemoryRateLimitCounterRepository } from './memory-rate-limit-counter-repository';
import { MemoryUserRepository } from './memory-user-repository';
import { MemoryZoomConnectionRepository } from './memory-zoom-connection-repository';
import { systemServerClock, type ServerClock } from './server-clock';
import { MemoryZoomEventRepository } from './memory-zoom-event-repository';
import { MemoryInterviewAttendanceRepository } from './memory-interview-attendance-repository';
import { MemoryFallbackHostSlotRepository } from './memory-fallback-host-slot-repository';
import { MemorySchedulingReadRepository } from './memory-scheduling-read-repository';

/** The embedded store for demo mode and tests. Data lives in this process only and is lost on exit. */
export function createMemoryStore(options: { serverClock?: ServerClock } = {}): Store {
  const serverNow = options.serverClock ?? systemServerClock;
  // Users and Zoom connections are two views of the same user documents, as in MongoDB.
  const users = new MemoryUserRepository();
  const store: Omit<Store, 'schedulingReads'> = {
    kind: 'memory',
    users,
    audit: new MemoryAuditRepository(),
    zoomConnections: new MemoryZoomConnectionRepository(users.documents, serverNow),
    oauthStates: new MemoryOAuthStateRepository(),
    jobLeases: new MemoryJobLeaseRepository(serverNow),
    interviews: new MemoryInterviewRepository(serverNow),
    meetingDefaults: new MemoryMeetingDefaultsRepository(),
    settings: new MemorySettingsRepository(),
    cachedSecrets: new MemoryCachedSecretRepository(),
    // Windows by the store's clock, as MongoDB's $$NOW judges them (tests move it).
    rateLimits: new MemoryRateLimitCounterRepository(() => serverNow().getTime()),
    // One process, and each write is synchronous: there is no other writer to interleave with.
    async atomically(work) {
      return work();
    },
    zoomEvents: new MemoryZoomEventRepository(),
    interviewAttendance: new MemoryInterviewAttendanceRepository(),
    invitations: new MemoryInvitationRepository(),
    outbox: new MemoryOutboxRepository(),
    calendarFeeds: new MemoryCalendarFeedRepository(),
    interviewRecordings: new MemoryInterviewRecordingRepository(),
    recordingSettings: new MemoryRecordingSettingsRepository(),
    fallbackHostSlots: new MemoryFallbackHostSlotRepository(),
    async ping() {},
    async close() {},
  };
  return { ...store, schedulingReads: new MemorySchedulingReadRepository(users, store.zoomConnections, store.meetingDefaults, store.settings) };
}
