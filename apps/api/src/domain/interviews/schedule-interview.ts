import { MAX_SCHEDULE_AHEAD_MS, type CreateInterviewInput } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { InterviewRecord } from '../ports/interview-repository';
import { answerWithinBudget } from './answer-within-budget';
import { refuseConflictingSlot } from '../scheduling/find-interview-conflicts';
import { refuseInterviewersWithoutZoom } from '../scheduling/scheduling-policy';
import type { InterviewDeps } from './interview-deps';
import { syncInterviewMeeting, syncNow } from './sync-interview-meeting';

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

/**
 * Saves the interview first (so nothing is lost whatever Zoom does), then creates its meeting right
 * away. If Zoom cannot be reached the interview stays saved with the meeting `pending` for the worker.
 */
export async function scheduleInterview(deps: InterviewDeps, input: CreateInterviewInput, scheduledBy: string): Promise<InterviewRecord> {
  const interviewer = await deps.users.findById(input.interviewerId);
  if (!interviewer || interviewer.role !== 'interviewer') {
    throw new AppError({ code: 'interviewer_invalid', status: 400, message: 'interviewerId must be a user with the interviewer role', details: [{ path: 'interviewerId', message: 'not an interviewer' }] });
  }
  await refuseInterviewersWithoutZoom(deps.settings, [interviewer]);
  const startTime = new Date(input.startTime);
  const now = deps.clock.now();
  refuseStartOutsideWindow(startTime, now);
  await refuseConflictingSlot(
    { interviews: deps.interviews, users: deps.users, conflictBufferMinutes: deps.conflictBufferMinutes ?? 0 },
    { interviewerIds: [interviewer.id], candidateEmail: input.candidateEmail, startTime, durationMinutes: input.durationMinutes },
    input.allowConflict ?? false,
  );
  const saved = await deps.interviews.create({
    candidateName: input.candidateName,
    candidateEmail: input.candidateEmail,
    position: input.position,
    interviewerId: interviewer.id,
    startTime,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes,
    agenda: input.agenda,
    notes: input.notes,
    createdById: scheduledBy,
    claim: { owner: deps.owner, expiresAt: new Date(now.getTime() + deps.claimTtlMs) },
  });
  // The record is created already claimed by us: sync directly, no second claim needed.
  const syncing = syncInterviewMeeting(deps, saved, deps.owner).then(async (synced) =>
    synced.meeting.status === 'pending' && synced.meeting.attempts === 0 ? ((await syncNow(deps, saved.id)) ?? synced) : synced,
  );
  const answer = await answerWithinBudget(syncing, deps.createAnswerBudget, (late) => finishLateCreate(deps, late));
  return answer.settled ? answer.value : ((await deps.interviews.findById(saved.id)) ?? saved);
}

/** Zoom outlasted the answer budget: the sync finishes after the response, then the attendees hear of the meeting. */
function finishLateCreate(deps: InterviewDeps, late: Promise<InterviewRecord>): void {
  late.then(deps.onInterviewChanged, (error: unknown) => deps.logger.error({ err: error }, 'a create that outlasted its answer budget failed')).catch(() => undefined);
}
