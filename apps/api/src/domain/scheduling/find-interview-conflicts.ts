import type { InterviewConflict, InterviewConflictDetails } from '@crm/shared/interviews';
import { AppError } from '../../errors/app-error';
import type { InterviewRecord, InterviewRepository } from '../ports/interview-repository';
import type { UserRepository } from '../ports/user-repository';
import { panelOf } from '../interviews/interview-panel';

/** Enough to show a recruiter what clashes; more would not change the decision. */
const MAX_CONFLICTS_SHOWN = 20;

export interface ConflictCheckDeps {
  interviews: Pick<InterviewRepository, 'findOverlapping'>;
  users: Pick<UserRepository, 'findById'>;
  /** Minutes kept free before and after each interview (config `SCHEDULING_CONFLICT_BUFFER_MINUTES`). */
  conflictBufferMinutes: number;
}

export interface ProposedSlot {
  interviewerIds: readonly string[];
  /** Null when only interviewers are checked (members added to a panel at an unchanged time). */
  candidateEmail: string | null;
  startTime: Date;
  durationMinutes: number;
  /** The interview being moved. */
  excludeId?: string;
}

/** The live interviews of the same interviewer(s) or candidate that overlap the slot, widened by the buffer on both sides. */
export async function findInterviewConflicts(deps: ConflictCheckDeps, slot: ProposedSlot): Promise<InterviewConflict[]> {
  const bufferMs = deps.conflictBufferMinutes * 60_000;
  const found = await deps.interviews.findOverlapping({
    interviewerIds: slot.interviewerIds,
    candidateEmail: slot.candidateEmail,
    from: new Date(slot.startTime.getTime() - bufferMs),
    to: new Date(slot.startTime.getTime() + slot.durationMinutes * 60_000 + bufferMs),
    ...(slot.excludeId === undefined ? {} : { excludeId: slot.excludeId }),
    limit: MAX_CONFLICTS_SHOWN,
  });
  const names = new Map<string, string>();
  for (const interviewerId of new Set(found.map((record) => busyMemberOf(record, slot)))) {
    names.set(interviewerId, (await deps.users.findById(interviewerId))?.name ?? 'Unknown interviewer');
  }
  return found.map((record) => presentConflict(record, slot, names.get(busyMemberOf(record, slot)) ?? 'Unknown interviewer'));
}

/** The member of the other interview's panel who is also on the proposed one, else its first interviewer. */
function busyMemberOf(record: InterviewRecord, slot: ProposedSlot): string {
  return panelOf(record).find((id) => slot.interviewerIds.includes(id)) ?? record.interviewerId;
}

function presentConflict(record: InterviewRecord, slot: ProposedSlot, interviewerName: string): InterviewConflict {
  const overlaps: InterviewConflict['overlaps'] = [];
  if (panelOf(record).some((id) => slot.interviewerIds.includes(id))) overlaps.push('interviewer');
  if (record.candidateEmail === slot.candidateEmail) overlaps.push('candidate');
  return {
    id: record.id,
    candidateName: record.candidateName,
    candidateEmail: record.candidateEmail,
    position: record.position,
    interviewer: { id: busyMemberOf(record, slot), name: interviewerName },
    startTime: record.startTime.toISOString(),
    timeZone: record.timeZone,
    durationMinutes: record.durationMinutes,
    overlaps,
  };
}

/**
 * Refuses a slot that overlaps another live interview of the interviewer(s) or the candidate, unless the
 * request said `allowConflict` (the recruiter saw the 409 and confirmed). Advisory, like a calendar's
 * warning: two requests racing for one slot may both pass, and that is a double booking a person chose.
 */
export async function refuseConflictingSlot(deps: ConflictCheckDeps, slot: ProposedSlot, allowConflict: boolean): Promise<void> {
  if (allowConflict) return;
  const conflicts = await findInterviewConflicts(deps, slot);
  if (conflicts.length === 0) return;
  const details: InterviewConflictDetails = { bufferMinutes: deps.conflictBufferMinutes, conflicts };
  throw new AppError({
    code: 'interview_conflict',
    status: 409,
    message:
      conflicts.length === 1
        ? 'This time overlaps another interview of the interviewer or the candidate. Send allowConflict: true to schedule anyway.'
        : `This time overlaps ${conflicts.length} other interviews of the interviewer or the candidate. Send allowConflict: true to schedule anyway.`,
    details,
  });
}
