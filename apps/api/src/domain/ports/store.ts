import type { AuditRepository } from './audit-repository';
import type { CalendarFeedRepository } from './calendar-feed-repository';
import type { InvitationRepository } from './invitation-repository';
import type { OutboxRepository } from './outbox-repository';
import type { CachedSecretRepository } from './cached-secret-repository';
import type { InterviewRepository } from './interview-repository';
import type { MeetingDefaultsRepository } from './meeting-defaults-repository';
import type { JobLeaseRepository } from './job-lease-repository';
import type { OAuthStateRepository } from './oauth-state-repository';
import type { RateLimitCounterRepository } from './rate-limit-counter-repository';
import type { ZoomConnectionRepository } from './zoom-connection-repository';
import type { UserRepository } from './user-repository';
import type { ZoomEventRepository } from './zoom-event-repository';
import type { InterviewAttendanceRepository } from './interview-attendance-repository';
import type { InterviewRecordingRepository, RecordingSettingsRepository } from './interview-recording-repository';
import type { SettingsRepository } from './settings-repository';
import type { FallbackHostSlotRepository } from './fallback-host-slot-repository';
import type { SchedulingReadRepository } from './scheduling-read-repository';

/** Everything persistence offers the domain; one implementation per store (memory, MongoDB). */
export interface Store {
  kind: 'memory' | 'mongodb';
  users: UserRepository;
  audit: AuditRepository;
  zoomConnections: ZoomConnectionRepository;
  oauthStates: OAuthStateRepository;
  jobLeases: JobLeaseRepository;
  interviews: InterviewRepository;
  meetingDefaults: MeetingDefaultsRepository;
  /** Secrets every process shares, e.g. the Server-to-Server access token (encrypted). */
  cachedSecrets: CachedSecretRepository;
  /** Rate-limit windows every instance shares (sign-in, webhooks). */
  rateLimits: RateLimitCounterRepository;
  /**
   * Runs `work` so its writes land together or not at all: a state change and its audit event. MongoDB:
   * a transaction (replica set; a standalone server runs `work` as is). `work` may run again on a
   * transient conflict, so it does nothing but store writes.
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  /** Zoom webhook events, recorded before they are acknowledged and processed in the background. */
  zoomEvents: ZoomEventRepository;
  /** What Zoom reported about each interview's meeting: who joined, when, who is waiting. */
  interviewAttendance: InterviewAttendanceRepository;
  /** Per-interview calendar invitation state (UID, SEQUENCE). */
  invitations: InvitationRepository;
  /** Emails waiting for (or done with) the outbox worker. */
  outbox: OutboxRepository;
  /** Interviewers' subscribable calendar feeds (hashed secrets). */
  calendarFeeds: CalendarFeedRepository;
  /** Zoom cloud recordings of interviews: links and transcript text (removed after the retention period). */
  interviewRecordings: InterviewRecordingRepository;
  /** The organisation's recording settings (transcript retention). */
  recordingSettings: RecordingSettingsRepository;
  /** Organisation-wide settings an admin changes (the scheduling policy). */
  settings: SettingsRepository;
  /** Which fallback pool host each system-hosted interview occupies, and when. */
  fallbackHostSlots: FallbackHostSlotRepository;
  /** A create's reads (users, hosts' connections and defaults, the policy) in one round trip. */
  schedulingReads: SchedulingReadRepository;
  /** Cheap round trip proving the store answers; used by /api/ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
