import type { ErrorCode } from '@crm/shared/error-codes';
import type { HostReason, HostSource, InterviewStatus, MeetingAction, MeetingStatus } from '@crm/shared/interviews';
import type { CarriedInvitation } from './invitation-repository';

/** The Zoom meeting of an interview as stored. No start URL: the host gets a fresh one from Zoom when starting. */
export interface MeetingRecord {
  status: MeetingStatus;
  pendingAction: MeetingAction | null;
  zoomMeetingId: string | null;
  joinUrl: string | null;
  /**
   * Legacy: a TokenCipher envelope of the start_url Zoom returned at creation, from versions that stored it.
   * Always null for meetings made now; `removeStoredStartUrls` (src/data) clears old ones.
   */
  startUrlEnvelope: string | null;
  password: string | null;
  hostSource: HostSource | null;
  hostReason: HostReason | null;
  hostZoomUserId: string | null;
  hostZoomEmail: string | null;
  /** The interview `revision` Zoom last saw; lower than `revision` means an update is owed. */
  syncedRevision: number;
  deletedInZoom: boolean;
  createdInZoomAt: Date | null;
  lastError: { code: string; message: string; at: Date } | null;
  attempts: number;
  nextAttemptAt: Date | null;
  /** Who is talking to Zoom about this meeting right now (a request or the worker), and until when. */
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  /** Set before a create goes out and cleared once its outcome is known; kept across revisions. */
  unconfirmedCreate: UnconfirmedCreate | null;
  /** While set, the meeting is being re-created on the organisation's account, for this reason. */
  rehostReason: HostReason | null;
  /** The meeting being replaced by a re-host, deleted once the new one exists. */
  previousMeeting: PreviousMeeting | null;
  /** The join link changed (re-host): the candidate must get the new one. */
  joinLinkChanged: JoinLinkChange | null;
  /** The invitation version the create's release stored with the meeting (see CarriedInvitation); absent on older records. */
  firstInvitation?: CarriedInvitation | null;
  /** The panel member whose own Zoom account hosts it (hostSource `interviewer`); absent on older records: the first of the panel. */
  hostInterviewerId?: string | null;
  /** Panel members Zoom accepted as alternative hosts (users on the hosting account); the rest are panelists. */
  alternativeHostIds?: string[];
}

export interface PreviousMeeting {
  zoomMeetingId: string;
  hostSource: HostSource;
  /** Whose own account held it (hostSource `interviewer`); absent on older records: the first of the panel. */
  hostInterviewerId?: string | null;
  hostZoomUserId: string | null;
  joinUrl: string | null;
}

export interface JoinLinkChange {
  at: Date;
  /** The old meeting could not be deleted, so its join link may still open. */
  previousJoinUrlMayStillWork: boolean;
  reason: string | null;
}

/** An interviewer whose own Zoom account can no longer host, and the reason their meetings move. */
/** The `lastError.code` of a meeting that found every fallback host busy (fallback-host-pool.ts). */
export const NO_FALLBACK_HOST_FREE = 'no_fallback_host_free' satisfies ErrorCode;

export interface RehostRequest {
  interviewerId: string;
  reason: HostReason;
}

/** A create Zoom may have carried out without confirming it: what it sent, so a later sync can find that meeting. */
export interface UnconfirmedCreate {
  /** The interview revision whose details were sent. */
  revision: number;
  topic: string;
  /** As sent to Zoom (yyyy-MM-ddTHH:mm:ssZ). */
  startTime: string;
  /** The account it was sent to and why; null when the process stopped before the call went out. */
  hostSource: HostSource | null;
  hostReason: HostReason | null;
  /** The panel member whose account it was sent to, when not the first of the panel. */
  hostInterviewerId?: string | null;
}

export interface InterviewDetails {
  candidateName: string;
  candidateEmail: string;
  position: string;
  startTime: Date;
  timeZone: string;
  durationMinutes: number;
  agenda: string;
  notes: string;
}

export interface InterviewRecord extends InterviewDetails {
  id: string;
  /** The first of the panel (what per-interviewer analytics and audit subjects name). */
  interviewerId: string;
  /** The panel, in order (1..MAX_PANEL_SIZE, unique); `interviewerIds[0] === interviewerId`. */
  interviewerIds: string[];
  /** startTime + duration; what upcoming/past compare against. */
  endTime: Date;
  status: InterviewStatus;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every change Zoom must see (details that reach the meeting, cancellation). */
  revision: number;
  meeting: MeetingRecord;
}

export interface NewInterview extends InterviewDetails {
  interviewerId: string;
  /** The panel in order, starting with interviewerId; a panel of one when absent. */
  interviewerIds?: string[];
  createdById: string;
  /** The creating request holds the claim, so the worker leaves the meeting alone meanwhile. */
  claim: { owner: string; expiresAt: Date };
  /** Stored with the record when the creator is about to send Zoom the create: no separate write before the call. */
  unconfirmedCreate?: UnconfirmedCreate;
}

export interface InterviewListFilter {
  /** On the panel (any position). */
  interviewerId?: string;
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  includeCancelled: boolean;
  limit: number;
  /** Scheduled by this user. */
  createdById?: string;
  /** Lower-cased prefix of the candidate's name, a word of it, or their email (see search-keys.ts). */
  candidatePrefix?: string;
  meetingStatus?: MeetingStatus;
  hostSource?: HostSource;
  /** startTime >= startFrom and < startBefore. */
  startFrom?: Date;
  startBefore?: Date;
  /** Continue after this position of the list's order (the last one of the previous page). */
  after?: { startTime: Date; id: string };
}

/** Live interviews overlapping [from, to) for any of these interviewers or this candidate email (conflict checks). */
export interface OverlapQuery {
  interviewerIds: readonly string[];
  candidateEmail: string | null;
  from: Date;
  to: Date;
  /** The interview being moved, which never conflicts with itself. */
  excludeId?: string;
  limit: number;
}

export type MeetingPatch = Partial<Omit<MeetingRecord, 'claimedBy' | 'claimExpiresAt'>>;

export interface MeetingHostCount {
  interviewerId: string;
  hostSource: HostSource;
  hostReason: HostReason | null;
  count: number;
}

export interface StartUrlEnvelope {
  id: string;
  envelope: string;
}

/**
 * A write tried to store a Zoom meeting id another live interview already holds (a unique index in
 * MongoDB, the same rule in memory). Adoption of a meeting found in Zoom is that one conditional write.
 */
export class ZoomMeetingTakenError extends Error {
  constructor(readonly zoomMeetingId: string) {
    super('That Zoom meeting already belongs to another interview');
    this.name = 'ZoomMeetingTakenError';
  }
}

/** Read-only all the way down, Dates aside (nothing calls their setters). */
export type ReadonlyDeep<T> = T extends Date ? T : T extends readonly (infer Item)[] ? readonly ReadonlyDeep<Item>[] : T extends object ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> } : T;

/**
 * A row of a list page, for reading only: the memory store hands out the documents it stores (copying a
 * page's rows was a quarter of its handling), so a row read before an await may already show a later write.
 */
export type ListedInterview = ReadonlyDeep<InterviewRecord>;

export interface InterviewRepository {
  create(input: NewInterview): Promise<InterviewRecord>;
  findById(id: string): Promise<InterviewRecord | null>;
  /** upcoming: endTime >= now, soonest first; past: endTime < now, latest first; all: soonest first. Ties by id, in the same direction. */
  list(filter: InterviewListFilter): Promise<readonly ListedInterview[]>;
  /** Changes details and, when `bumpRevision`, owes Zoom an update (meeting becomes pending). Null when absent or cancelled. */
  updateDetails(id: string, changes: Partial<InterviewDetails>, options: { bumpRevision: boolean; now: Date }): Promise<InterviewRecord | null>;
  /** Marks the interview cancelled and owes Zoom a delete. Null when absent or already cancelled. */
  cancel(id: string, now: Date): Promise<InterviewRecord | null>;
  /**
   * Takes the claim when nobody holds it (or theirs expired, by the store's clock; no expiry counts as
   * expired). The claim lasts `expiresAt - now` from the store's clock. Null when someone else holds it.
   */
  claim(id: string, owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null>;
  /** Atomically claims the pending meeting due soonest (nextAttemptAt <= now). */
  claimNextDue(owner: string, expiresAt: Date, now: Date): Promise<InterviewRecord | null>;
  /**
   * Scheduled interviews still to start whose meeting failed because no fallback host was free
   * (`lastError.code` no_fallback_host_free), soonest first: waiting for a slot to free up.
   */
  listWaitingForFallbackHost(now: Date, limit: number): Promise<InterviewRecord[]>;
  /**
   * Writes meeting fields while holding the claim; null when the claim was lost. Undefined fields are left
   * as they are. Throws ZoomMeetingTakenError when `zoomMeetingId` is another live interview's.
   */
  patchMeeting(id: string, owner: string, patch: MeetingPatch): Promise<InterviewRecord | null>;
  /**
   * Writes the final meeting state and drops the claim, but only if the interview is still at
   * `revision`; otherwise drops the claim and leaves the meeting pending and due now, so the
   * newer change is not lost. Returns the stored record either way (null when the claim was lost).
   * `recorded` is written whatever the revision (what Zoom already did, e.g. the meeting it created), in the same write.
   */
  release(id: string, owner: string, revision: number, patch: MeetingPatch, recorded?: MeetingPatch): Promise<InterviewRecord | null>;
  /** Meetings created in Zoom since `since` for interviews not cancelled, grouped by interviewer and host. */
  countMeetingHosts(since: Date): Promise<MeetingHostCount[]>;
  /** Whether an interview other than `exceptInterviewId` already stores this Zoom meeting id (not deleted in Zoom). Advisory: the write decides. */
  isZoomMeetingTaken(zoomMeetingId: string, exceptInterviewId?: string): Promise<boolean>;
  /**
   * Queues a move to the organisation's account for every upcoming, not cancelled meeting hosted on these
   * interviewers' own Zoom accounts: the meeting becomes `previousMeeting`, a create is owed (due now) and
   * the revision is bumped. Already queued ones are left alone. Returns the interview ids queued now.
   */
  markForRehost(requests: RehostRequest[], now: Date): Promise<string[]>;
  /** Every stored start URL envelope (cancelled interviews included), for key rotation. */
  listStartUrlEnvelopes(): Promise<StartUrlEnvelope[]>;
  /** Compare-and-swap: writes `next` (null removes it) only if the stored envelope is still `expected`. False when it changed or is gone. */
  replaceStartUrlEnvelope(id: string, expected: string, next: string | null): Promise<boolean>;
  /**
   * Replaces the panel (interviewerId becomes its first) and owes Zoom an update. With `moveMeeting`, the
   * meeting is to be re-created on the panel's new host: it becomes `previousMeeting` (deleted once the new
   * one exists, as a re-host does) and a create is owed. Null when absent or cancelled.
   */
  changePanel(id: string, interviewerIds: string[], options: { moveMeeting: boolean; now: Date }): Promise<InterviewRecord | null>;
  /** Not cancelled, startTime < to and endTime > from, with any of the interviewers on the panel or the candidate email; soonest first. */
  findOverlapping(query: OverlapQuery): Promise<InterviewRecord[]>;
  /**
   * Migration step (backfill-search-keys.ts): gives the current candidate search keys to interviews stored
   * without them (or with an older kind), `batchSize` at a time, until none is left. Idempotent; returns how many changed.
   */
  backfillSearchKeys(batchSize: number): Promise<number>;
  /** The interview whose meeting is this Zoom meeting (cancelled ones included), for Zoom's meeting events. */
  findByZoomMeetingId(zoomMeetingId: string): Promise<InterviewRecord | null>;
}
