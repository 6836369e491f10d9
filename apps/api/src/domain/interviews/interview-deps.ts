import type { Logger } from 'pino';
import type { CreateZoomMeeting } from '../meetings/create-zoom-meeting';
import type { DeleteZoomMeeting } from '../meetings/delete-zoom-meeting';
import type { FindUnconfirmedZoomMeeting } from '../meetings/find-unconfirmed-zoom-meeting';
import type { GetZoomStartUrl } from '../meetings/get-zoom-start-url';
import type { UpdateZoomMeeting } from '../meetings/update-zoom-meeting';
import type { AnswerBudget } from './answer-within-budget';
import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { InterviewAttendanceRepository } from '../ports/interview-attendance-repository';
import type { InterviewRecord, InterviewRepository } from '../ports/interview-repository';
import type { SettingsRepository } from '../ports/settings-repository';
import type { UserRepository } from '../ports/user-repository';
import type { KnownRecords } from './known-records';
import type { PageCursors } from '../pagination/page-cursor';
import type { FallbackHostPool } from '../meetings/fallback-host-pool';
import type { SchedulingReadRepository } from '../ports/scheduling-read-repository';
import type { FirstInvitations } from '../invitations/first-invitation';

export interface InterviewDeps {
  interviews: InterviewRepository;
  users: UserRepository;
  /** Re-hosts and retries are recorded. */
  audit: AuditRepository;
  createZoomMeeting: CreateZoomMeeting;
  findUnconfirmedZoomMeeting: FindUnconfirmedZoomMeeting;
  updateZoomMeeting: UpdateZoomMeeting;
  deleteZoomMeeting: DeleteZoomMeeting;
  getZoomStartUrl: GetZoomStartUrl;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock: Clock;
  /** Identifies this process when it claims a meeting to talk to Zoom about it. */
  owner: string;
  /** How long a claim lasts; must outlast the slowest Zoom call with all its retries. */
  claimTtlMs: number;
  /** What Zoom reported about each meeting, shown with the interview; absent, interviews show no attendance. */
  interviewAttendance?: Pick<InterviewAttendanceRepository, 'findMany'>;
  /** First worker retry delay for a queued change; doubles per attempt (with jitter), capped at 15 minutes. */
  retryBaseMs: number;
  /** Minutes kept free around each interview when checking for conflicts (SCHEDULING_CONFLICT_BUFFER_MINUTES); 0 when absent. */
  conflictBufferMinutes?: number;
  /** The scheduling policy (requireInterviewerZoom); absent, interviewers without Zoom fall back as before. */
  settings?: Pick<SettingsRepository, 'getScheduling'>;
  /** Tells the attendees about a saved change (calendar invitation + emails); never throws. */
  onInterviewChanged: (interview: InterviewRecord, known?: KnownRecords) => Promise<void>;
  /** Tells members taken off the panel that the interview left their calendar; never throws. */
  onRemovedFromPanel: (interview: InterviewRecord, memberIds: string[]) => Promise<void>;
  /** A create answers once this elapses even if Zoom has not (meeting `pending`); absent, it waits for Zoom. */
  createAnswerBudget?: AnswerBudget;
  /** Signs and checks list cursors. */
  cursors: PageCursors;
  /** The fallback host pool: a cancelled interview frees its slot, a reschedule needs its host free then. */
  fallbackHosts?: FallbackHostPool;
  /** A create's reads in one round trip (read-for-scheduling.ts); absent, they are read one by one. */
  schedulingReads?: SchedulingReadRepository;
  /** A create's invitation stored with its meeting (first-invitation.ts); absent, `onInterviewChanged` writes it. */
  firstInvitations?: FirstInvitations;
}
