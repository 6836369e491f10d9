import type { Logger } from 'pino';
import type { ZoomEventAuditDeps } from '../audit/record-zoom-event-applied';
import type { Clock } from '../ports/clock';
import type { InterviewAttendanceRepository } from '../ports/interview-attendance-repository';
import type { InterviewRepository } from '../ports/interview-repository';
import type { InterviewRecordingRepository } from '../ports/interview-recording-repository';
import type { RecordingDownloads } from '../ports/recording-downloads';
import type { SecretVault } from '../ports/secret-vault';
import type { ZoomEventRepository } from '../ports/zoom-event-repository';
import type { ZoomConnectionDeps } from '../zoom-connection/zoom-connection-deps';
import type { PastMeetingParticipants } from './catch-up-attendance';

/** What processing Zoom's events needs; wired once by the composition root. */
export interface ZoomEventDeps {
  events: ZoomEventRepository;
  interviews: Pick<InterviewRepository, 'findByZoomMeetingId' | 'updateDetails' | 'claim' | 'release'>;
  /** This process, when it claims an interview's meeting to mark it deleted in Zoom. */
  owner: string;
  attendance: InterviewAttendanceRepository;
  /** For `app_deauthorized`, handed to the existing deauthorization use case. */
  connections: Pick<ZoomConnectionDeps, 'connections' | 'users' | 'audit' | 'logger' | 'atomically'>;
  /** Our OAuth app's client id, when configured: deauthorizations for another app on the same endpoint are ignored. */
  zoomClientId: string | null;
  /** Cloud recordings and their transcripts; the vault seals and opens recording download tokens. */
  recordings: InterviewRecordingRepository;
  recordingDownloads: RecordingDownloads;
  secrets: Pick<SecretVault, 'sealDownloadToken' | 'openDownloadToken'>;
  /** Zoom's participant report of an ended meeting, for the catch-up when its events were missed; absent without Zoom. */
  pastMeetingParticipants?: PastMeetingParticipants;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Where a webhook the CRM acted on is audited: the same log and users the deauthorization writes to. */
export function zoomEventAuditDeps(deps: ZoomEventDeps): ZoomEventAuditDeps {
  return { audit: deps.connections.audit, users: deps.connections.users, clock: deps.clock };
}
