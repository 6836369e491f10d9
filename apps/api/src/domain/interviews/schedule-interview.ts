import { MAX_SCHEDULE_AHEAD_MS, requestedPanel, type CreateInterviewInput } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { InterviewRecord } from '../ports/interview-repository';
import { answerWithinBudget } from './answer-within-budget';
import { refuseConflictingSlot } from '../scheduling/find-interview-conflicts';
import { refuseInterviewersWithoutZoom } from '../scheduling/scheduling-policy';
import type { InterviewDeps } from './interview-deps';
import type { KnownRecords } from './known-records';
import { readForScheduling } from './read-for-scheduling';
import { resolveInterviewPanel } from './resolve-interview-panel';
import { firstCreateMarker, syncInterviewMeeting, syncNow } from './sync-interview-meeting';

/** Allowance for clock skew and slow forms: a start a minute in the past is still accepted. */
export const PAST_GRACE_MS = 60_000;

/** A start in the past (beyond the grace) or more than a year ahead, by the API's clock, is refused naming the field. */
export function refuseStartOutsideWindow(startTime: Date, now: Date): void {
  if (startTime.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw new AppError({ code: 'validation_failed', status: 400, message: 'The interview must start in the future', details: [{ path: 'startTime', message: 'must be in the future' }] });
  }
  if (startTime.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_MS) {
    throw new AppError({ code: 'validation_failed', status: 400, message: 'The interview must start within a year', details: [{ path: 'startTime', message: 'must be at most one year ahead' }] });
  }
}

export interface ScheduledInterview {
  interview: InterviewRecord;
  /** What scheduling read (interviewer, organiser, host defaults), for the invitation and the response. */
  known: KnownRecords;
}

/**
 * Saves the interview first (so nothing is lost whatever Zoom does), then creates its meeting right
 * away. If Zoom cannot be reached the interview stays saved with the meeting `pending` for the worker.
 * Store round trips on the happy path: one read of both users, the create (which also marks the create
 * about to go out), and the release that records the meeting and settles it.
 */
export async function scheduleInterviewWithReads(deps: InterviewDeps, input: CreateInterviewInput, scheduledBy: string): Promise<ScheduledInterview> {
  // The organiser is read with the whole panel (and the panel's connections, defaults and the policy), in one round trip.
  const panelIds = requestedPanel(input)?.ids ?? [];
  const { known, settings } = await readForScheduling(deps, [...panelIds, scheduledBy], panelIds);
  const panel = resolveInterviewPanel(input, known);
  const interviewer = panel[0]!;
  if (!known.users.has(scheduledBy)) known.users.set(scheduledBy, null);
  await refuseInterviewersWithoutZoom(settings, panel);
  const startTime = new Date(input.startTime);
  const now = deps.clock.now();
  refuseStartOutsideWindow(startTime, now);
  await refuseConflictingSlot(
    { interviews: deps.interviews, users: deps.users, conflictBufferMinutes: deps.conflictBufferMinutes ?? 0 },
    { interviewerIds: panel.map((member) => member.id), candidateEmail: input.candidateEmail, startTime, durationMinutes: input.durationMinutes },
    input.allowConflict ?? false,
  );
  const details = {
    candidateName: input.candidateName,
    candidateEmail: input.candidateEmail,
    position: input.position,
    startTime,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes,
    agenda: input.agenda,
    notes: input.notes,
  };
  const saved = await deps.interviews.create({
    ...details,
    interviewerId: interviewer.id,
    interviewerIds: panel.map((member) => member.id),
    createdById: scheduledBy,
    claim: { owner: deps.owner, expiresAt: new Date(now.getTime() + deps.claimTtlMs) },
    // Saved with the interview: if this process dies during the Zoom call, the worker looks for the meeting first.
    unconfirmedCreate: firstCreateMarker(details),
  });
  // The record is created already claimed by us: sync directly, no second claim needed.
  const carryInvitation = deps.firstInvitations ? { carryInvitation: (settled: InterviewRecord) => deps.firstInvitations!.versionOf(settled, known) } : {};
  const syncing = syncInterviewMeeting(deps, saved, deps.owner, { createMarkerStored: true, known, ...carryInvitation }).then(async (synced) =>
    synced.meeting.status === 'pending' && synced.meeting.attempts === 0 ? ((await syncNow(deps, saved.id)) ?? synced) : synced,
  );
  const answer = await answerWithinBudget(syncing, deps.createAnswerBudget, (late) => finishLateCreate(deps, late, known));
  const interview = answer.settled ? answer.value : ((await deps.interviews.findById(saved.id)) ?? saved);
  return { interview, known };
}

export async function scheduleInterview(deps: InterviewDeps, input: CreateInterviewInput, scheduledBy: string): Promise<InterviewRecord> {
  return (await scheduleInterviewWithReads(deps, input, scheduledBy)).interview;
}

/** Zoom outlasted the answer budget: the sync finishes after the response, then the attendees hear of the meeting. */
function finishLateCreate(deps: InterviewDeps, late: Promise<InterviewRecord>, known: KnownRecords): void {
  late.then((interview) => (deps.firstInvitations ? deps.firstInvitations.announce(interview, known) : deps.onInterviewChanged(interview, known)), (error: unknown) => deps.logger.error({ err: error }, 'a create that outlasted its answer budget failed')).catch(() => undefined);
}
