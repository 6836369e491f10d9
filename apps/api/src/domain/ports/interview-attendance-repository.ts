/** Who a meeting participant is to the interview. */
export type AttendeeRole = 'host' | 'candidate' | 'other';
/** How a participant was recognised as the candidate. */
export type CandidateMatch = 'email' | 'name';

/** One stretch of a participant in the meeting (a rejoin is a new session). */
export interface AttendanceSession {
  /** Zoom's participant_uuid, or its user id / name when absent: pairs a leave with its join. */
  participantKey: string;
  name: string;
  email: string | null;
  role: AttendeeRole;
  matchedBy: CandidateMatch | null;
  joinedAt: Date;
  leftAt: Date | null;
}

/** A change made to the meeting in Zoom itself (not by the CRM), for recruiters to see. */
export interface ZoomMeetingNotice {
  kind: 'changed_in_zoom' | 'deleted_in_zoom';
  at: Date;
  /** Who did it in Zoom (the operator's email), when Zoom says. */
  by: string | null;
  /** For changes: each changed field as it was and as it is now (ISO instants for times). */
  changes: Array<{ field: 'startTime' | 'durationMinutes' | 'timeZone' | 'topic'; from: string | null; to: string }>;
}

/** What Zoom told the CRM about one interview's meeting: who came, when, who is waiting, what was changed in Zoom. */
export interface InterviewAttendance {
  interviewId: string;
  zoomMeetingId: string;
  startedAt: Date | null;
  endedAt: Date | null;
  hostJoinedAt: Date | null;
  candidateJoinedAt: Date | null;
  candidateMatchedBy: CandidateMatch | null;
  /** Set while the candidate waits in the waiting room or for the host (join before host off). */
  candidateWaitingSince: Date | null;
  sessions: AttendanceSession[];
  /** Edits and deletion made in Zoom, oldest first. */
  zoomNotices: ZoomMeetingNotice[];
  updatedAt: Date;
  /** Bumped by every write; the compare-and-set token. */
  version: number;
}

/**
 * Attendance per interview, kept apart from the interview itself. Writes are compare-and-set on `version`
 * so concurrent events for one meeting (join and leave processed at once) never overwrite each other.
 */
export interface InterviewAttendanceRepository {
  find(interviewId: string): Promise<InterviewAttendance | null>;
  findMany(interviewIds: string[]): Promise<InterviewAttendance[]>;
  /**
   * Writes `next` (its version is set to expected + 1) when the stored version is still `expectedVersion`,
   * or, with `expectedVersion` null, when none is stored yet. False when someone wrote first.
   */
  save(next: Omit<InterviewAttendance, 'version'>, expectedVersion: number | null): Promise<boolean>;
}
