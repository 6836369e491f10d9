import type { MeetingAction } from '@crm/shared/interviews';
import { backoffDelayMs } from '../../retry/backoff';
import { recordAuditEvent, SYSTEM_ACTOR } from '../audit/record-audit-event';
import { describeMeetingFailure } from '../meetings/meeting-failure';
import type { CreatedZoomMeeting } from '../meetings/create-zoom-meeting';
import { zoomTopicAndStart, type MeetingData } from '../meetings/zoom-meeting-body';
import type { FallbackReason } from '../meetings/meeting-host';
import type { InterviewRecord, MeetingPatch, PreviousMeeting, UnconfirmedCreate } from '../ports/interview-repository';
import type { CarriedInvitation } from '../ports/invitation-repository';
import type { InterviewDeps } from './interview-deps';
import { knownUsers, type KnownRecords } from './known-records';
import { hostInterviewerOf, panelOf } from './interview-panel';
import type { PanelCandidate } from '../meetings/alternative-hosts';

const MAX_BACKOFF_MS = 15 * 60_000;

export function meetingDataOf(interview: Pick<InterviewRecord, 'candidateName' | 'position' | 'startTime' | 'durationMinutes' | 'timeZone' | 'agenda'>): MeetingData {
  return {
    topic: `Interview: ${interview.candidateName} – ${interview.position}`,
    startTime: interview.startTime,
    durationMinutes: interview.durationMinutes,
    timeZone: interview.timeZone,
    agenda: interview.agenda,
  };
}

/** What Zoom still owes this interview, comparing what the CRM wants with what Zoom was last told. */
export function owedAction(interview: InterviewRecord): MeetingAction | null {
  const { meeting } = interview;
  if (interview.status === 'cancelled') {
    // A create Zoom never confirmed may have made a meeting: it is looked for, and deleted if found.
    // A meeting being replaced by a re-host is deleted too.
    if (!meeting.zoomMeetingId) return meeting.unconfirmedCreate || meeting.previousMeeting ? 'delete' : null;
    return meeting.deletedInZoom ? null : 'delete';
  }
  if (!meeting.zoomMeetingId) return 'create';
  return meeting.syncedRevision < interview.revision ? 'update' : null;
}

function settled(interview: InterviewRecord): MeetingPatch {
  return {
    status: interview.status === 'cancelled' ? 'cancelled' : 'scheduled',
    pendingAction: null,
    syncedRevision: interview.revision,
    lastError: null,
    attempts: 0,
    nextAttemptAt: null,
  };
}

export interface SyncOptions {
  /**
   * The record was created in this request with its `unconfirmedCreate` marker already stored and nothing
   * sent yet: no earlier attempt to look for, no separate marker write before the call.
   */
  createMarkerStored?: boolean;
  /** What the request already read (see known-records.ts). */
  known?: KnownRecords;
  /**
   * The invitation version of the meeting about to be recorded, stored by the same release (a create then
   * writes no invitation record of its own); undefined when it cannot be worked out, which only costs that write later.
   */
  carryInvitation?: (settled: InterviewRecord) => Promise<CarriedInvitation | undefined>;
}

/** The marker a first create sends: stored with a new interview so the write before the Zoom call is the create itself. */
export function firstCreateMarker(interview: Pick<InterviewRecord, 'candidateName' | 'position' | 'startTime' | 'durationMinutes' | 'timeZone' | 'agenda'>): UnconfirmedCreate {
  const { topic, startTime } = zoomTopicAndStart(meetingDataOf(interview));
  return { revision: 1, topic, startTime, hostSource: null, hostReason: null };
}

/**
 * Brings the Zoom meeting in line with the interview, holding the claim `owner` took on it. Success
 * settles the meeting; a retryable failure leaves it `pending` with a backoff for the worker; any other
 * failure marks it `failed` with the reason. Changes made meanwhile are never overwritten (see release).
 */
export async function syncInterviewMeeting(deps: InterviewDeps, claimed: InterviewRecord, owner: string, options: SyncOptions = {}): Promise<InterviewRecord> {
  const interview = claimed;
  const action = owedAction(interview);
  try {
    let meeting = interview.meeting;
    if (!meeting.zoomMeetingId && meeting.unconfirmedCreate && !options.createMarkerStored) meeting = await resolveUnconfirmedCreate(deps, interview, owner);
    const next = owedAction({ ...interview, meeting });
    const host = { hostSource: meeting.hostSource ?? 'system', interviewerId: hostInterviewerOf({ ...interview, meeting }), hostZoomUserId: meeting.hostZoomUserId } as const;
    // The meeting Zoom made, recorded by the release below in the same write that settles it.
    let recorded: MeetingPatch | undefined;
    if (next === 'create') {
      const created = createdMeetingPatch(deps, interview.id, await createMeeting(deps, interview, owner, options));
      if (meeting.previousMeeting) {
        // Stored before anything else, so a meeting Zoom made is never forgotten (and never made twice).
        await recordCreated(deps, interview, owner, created);
        await retirePreviousMeeting(deps, interview, owner, meeting.previousMeeting);
      } else {
        recorded = created;
      }
    } else if (next === 'update') {
      const alternativeHosts = await alternativeHostsFor(deps, { ...interview, meeting }, options.known);
      const accepted = await deps.updateZoomMeeting(meeting.zoomMeetingId!, host, meetingDataOf(interview), alternativeHosts ? { alternativeHosts } : {});
      if (accepted) recorded = { alternativeHostIds: accepted };
    } else if (next === 'delete') {
      if (meeting.previousMeeting) {
        await deps.deleteZoomMeeting(meeting.previousMeeting.zoomMeetingId, previousHost(interview, meeting.previousMeeting));
        await writeMeeting(deps, interview, owner, { previousMeeting: null, rehostReason: null });
      }
      if (meeting.zoomMeetingId) {
        const { alreadyGone } = await deps.deleteZoomMeeting(meeting.zoomMeetingId, host);
        if (alreadyGone) deps.logger.info({ interviewId: interview.id }, 'meeting was already deleted in Zoom; counting it as deleted');
      }
    }
    const done: MeetingPatch = action === 'delete' ? { ...settled(interview), deletedInZoom: true } : settled(interview);
    if (recorded && options.carryInvitation) {
      // In `done`, not `recorded`: stored only when the release finds the interview still at this revision.
      const firstInvitation = await options.carryInvitation({ ...interview, meeting: { ...interview.meeting, ...recorded, ...done } }).catch(() => undefined);
      if (firstInvitation) done.firstInvitation = firstInvitation;
    }
    const released = await deps.interviews.release(interview.id, owner, interview.revision, done, recorded);
    if (!released && recorded) deps.logger.error({ interviewId: interview.id, zoomMeetingId: recorded.zoomMeetingId }, 'lost the claim while creating a meeting');
    return released ?? interview;
  } catch (error) {
    const failure = describeMeetingFailure(error);
    const attempts = interview.meeting.attempts + 1;
    const now = deps.clock.now();
    const lastError = { code: failure.code, message: failure.message, at: now };
    const ended = interview.endTime.getTime() <= now.getTime() && action !== 'delete';
    const patch: MeetingPatch =
      failure.retryable && !ended
        ? { status: 'pending', pendingAction: action, lastError, attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(deps.retryBaseMs, attempts, failure.retryAfterMs)) }
        : { status: 'failed', pendingAction: action, lastError: ended && failure.retryable ? { ...lastError, code: 'interview_ended', message: `Gave up: the interview is over. Last error: ${failure.message}` } : lastError, attempts, nextAttemptAt: null };
    deps.logger.warn({ interviewId: interview.id, action, attempts, code: failure.code, retryable: failure.retryable }, 'meeting change did not reach Zoom');
    return (await deps.interviews.release(interview.id, owner, interview.revision, patch)) ?? interview;
  }
}

async function writeMeeting(deps: InterviewDeps, interview: InterviewRecord, owner: string, patch: MeetingPatch): Promise<InterviewRecord['meeting']> {
  const patched = await deps.interviews.patchMeeting(interview.id, owner, patch);
  // Someone else holds the meeting now: going on could create or delete behind their back.
  if (!patched) throw new Error('lost the claim on the meeting while syncing it with Zoom');
  return patched.meeting;
}

function createdMeetingPatch(deps: InterviewDeps, interviewId: string, created: CreatedZoomMeeting): MeetingPatch {
  return {
    zoomMeetingId: created.meeting.id,
    joinUrl: created.meeting.joinUrl,
    // Never stored: Zoom's start URL expires within hours; the host gets a fresh one when starting.
    startUrlEnvelope: null,
    password: created.meeting.password,
    hostSource: created.hostSource,
    hostReason: created.hostReason,
    hostZoomUserId: created.hostZoomUserId,
    hostZoomEmail: created.hostZoomEmail,
    createdInZoomAt: deps.clock.now(),
    deletedInZoom: false,
    unconfirmedCreate: null,
    hostInterviewerId: created.hostInterviewerId,
    alternativeHostIds: created.alternativeHostIds,
  };
}

/**
 * An earlier create went out and was never confirmed: look for what it sent. Found, the meeting is
 * stored as Zoom last saw it (so newer details become an update, a cancel a delete); not found, it
 * provably does not exist and the marker is dropped.
 */
async function resolveUnconfirmedCreate(deps: InterviewDeps, interview: InterviewRecord, owner: string): Promise<InterviewRecord['meeting']> {
  const sent = interview.meeting.unconfirmedCreate!;
  const found = await deps.findUnconfirmedZoomMeeting(sent, sent.hostInterviewerId ?? interview.interviewerId, interview.id);
  if (!found) return writeMeeting(deps, interview, owner, { unconfirmedCreate: null });
  return writeMeeting(deps, interview, owner, { ...createdMeetingPatch(deps, interview.id, found), syncedRevision: sent.revision });
}

async function createMeeting(deps: InterviewDeps, interview: InterviewRecord, owner: string, options: SyncOptions): Promise<CreatedZoomMeeting> {
  const data = meetingDataOf(interview);
  const { topic, startTime } = zoomTopicAndStart(data);
  const rehostReason = interview.meeting.rehostReason as FallbackReason | null;
  // A re-host never goes back to the account it leaves, so a later look must not adopt the old meeting:
  // the marker names the organisation's account until `beforeSend` names the member who hosts instead.
  const sending: UnconfirmedCreate = { revision: interview.revision, topic, startTime, hostSource: rehostReason ? 'system' : null, hostReason: rehostReason };
  const previousHostId = interview.meeting.previousMeeting?.hostInterviewerId ?? interview.interviewerId;
  // Remembered before the call: if Zoom never answers (or this process dies), the next sync looks for it first.
  if (!options.createMarkerStored) await writeMeeting(deps, interview, owner, { unconfirmedCreate: sending, attempts: interview.meeting.attempts + 1 });
  const panel = await panelCandidates(deps, interview, options.known);
  return deps.createZoomMeeting(data, interview.interviewerId, {
    beforeSend: async (host) => {
      // A marker without a host makes a later look search both accounts, which finds a meeting on the
      // first interviewer's; a fallback's reason, or another panel member's account, could not be guessed
      // later, so those are written down.
      if (options.createMarkerStored && host.hostSource === 'interviewer' && (host.hostInterviewerId ?? interview.interviewerId) === interview.interviewerId) return;
      await writeMeeting(deps, interview, owner, { unconfirmedCreate: { ...sending, ...host } });
    },
    // The next panel member who can host takes it over; only when none can does the organisation's account.
    ...(rehostReason ? { rehost: { reason: rehostReason, previousHostId } } : {}),
    fallbackSlot: { interviewId: interview.id, startTime: interview.startTime, durationMinutes: interview.durationMinutes },
    ...(options.known ? { known: options.known } : {}),
    ...(panel ? { panel } : {}),
  });
}

/**
 * Who an update offers Zoom as alternative hosts: the panel but the hosting member. Undefined (settings
 * left alone) for a one-interviewer interview that never had any, as before panels.
 */
async function alternativeHostsFor(deps: InterviewDeps, interview: InterviewRecord, known: KnownRecords | undefined): Promise<PanelCandidate[] | undefined> {
  const panel = await panelCandidates(deps, interview, known);
  const hostId = interview.meeting.hostSource === 'interviewer' ? hostInterviewerOf(interview) : null;
  const others = (panel ?? []).filter((member) => member.email !== '' && member.interviewerId !== hostId);
  return others.length > 0 || (interview.meeting.alternativeHostIds ?? []).length > 0 ? others : undefined;
}

/**
 * The panel with the email Zoom knows each member by (their connected Zoom email, else their CRM email),
 * for host choice and alternative hosts. A panel of one needs no read: nobody to offer as alternative host.
 */
async function panelCandidates(deps: InterviewDeps, interview: InterviewRecord, known: KnownRecords | undefined): Promise<PanelCandidate[] | undefined> {
  const panel = panelOf(interview);
  if (panel.length < 2) return undefined;
  const users = known ? knownUsers(known, deps.users) : deps.users;
  const found = new Map((await users.findByIds(panel)).map((user) => [user.id, user]));
  return panel.map((id) => ({ interviewerId: id, email: found.get(id)?.zoomEmail ?? found.get(id)?.email ?? '' }));
}

async function recordCreated(deps: InterviewDeps, interview: InterviewRecord, owner: string, created: MeetingPatch): Promise<void> {
  const patched = await deps.interviews.patchMeeting(interview.id, owner, created);
  if (!patched) deps.logger.error({ interviewId: interview.id, zoomMeetingId: created.zoomMeetingId }, 'lost the claim while creating a meeting');
}

function previousHost(interview: InterviewRecord, previous: PreviousMeeting) {
  return { hostSource: previous.hostSource, interviewerId: previous.hostInterviewerId ?? interview.interviewerId, hostZoomUserId: previous.hostZoomUserId };
}

/**
 * The new meeting exists (on another panel member's account or the organisation's): delete the one it
 * replaces (with the old host's token while it works, else the Server-to-Server app when the host is on its account).
 * One try: when it cannot be deleted, the interview says its old join link may still open.
 */
async function retirePreviousMeeting(deps: InterviewDeps, interview: InterviewRecord, owner: string, previous: PreviousMeeting): Promise<void> {
  let mayStillWork = false;
  let reason: string | null = null;
  try {
    await deps.deleteZoomMeeting(previous.zoomMeetingId, previousHost(interview, previous));
  } catch (error) {
    mayStillWork = true;
    reason = describeMeetingFailure(error).message;
    deps.logger.warn({ interviewId: interview.id, code: describeMeetingFailure(error).code }, 'the meeting a re-host replaced could not be deleted');
  }
  const at = deps.clock.now();
  const moved = await writeMeeting(deps, interview, owner, { previousMeeting: null, rehostReason: null, joinLinkChanged: { at, previousJoinUrlMayStillWork: mayStillWork, reason } });
  const interviewer = await deps.users.findById(interview.interviewerId);
  await recordAuditEvent(deps.audit, {
    type: 'meeting.rehosted',
    actor: SYSTEM_ACTOR,
    subject: { userId: interview.interviewerId, email: interviewer?.email ?? null },
    at,
    details: {
      interviewId: interview.id,
      reason: interview.meeting.rehostReason,
      fromZoomMeetingId: previous.zoomMeetingId,
      toZoomMeetingId: moved?.zoomMeetingId ?? null,
      toHostSource: moved?.hostSource ?? null,
      toHostZoomEmail: moved?.hostZoomEmail ?? null,
      previousMeetingDeleted: !mayStillWork,
    },
  });
  deps.logger.info({ interviewId: interview.id, previousMeetingDeleted: !mayStillWork, toHostSource: moved?.hostSource ?? null }, 'meeting moved to another Zoom account; the join link changed');
}

/** When the worker tries a queued change again: the shared backoff, capped at 15 minutes, never sooner than Zoom's Retry-After. */
export function retryDelayMs(baseMs: number, attempts: number, retryAfterMs: number | null): number {
  return backoffDelayMs({ baseDelayMs: baseMs, maxDelayMs: MAX_BACKOFF_MS }, attempts, { retryAfterMs });
}

/**
 * Claims the interview and syncs it now, as a request does right after a change. When someone else
 * (the worker) holds it, the change stays queued and their release re-queues it for a fresh pass.
 */
export async function syncNow(deps: InterviewDeps, interviewId: string): Promise<InterviewRecord | null> {
  let latest: InterviewRecord | null = null;
  // A second pass covers a change that arrived while the first pass talked to Zoom.
  for (let pass = 0; pass < 2; pass += 1) {
    const now = deps.clock.now();
    const claimed = await deps.interviews.claim(interviewId, deps.owner, new Date(now.getTime() + deps.claimTtlMs), now);
    if (!claimed) return latest ?? deps.interviews.findById(interviewId);
    if (owedAction(claimed) === null && claimed.meeting.status !== 'pending') {
      return deps.interviews.release(claimed.id, deps.owner, claimed.revision, {});
    }
    latest = await syncInterviewMeeting(deps, claimed, deps.owner);
    if (latest.meeting.status !== 'pending' || latest.meeting.attempts > 0) return latest;
  }
  return latest;
}
