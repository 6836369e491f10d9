import type { InterviewerAvailabilityResponse } from '@crm/shared/interviews';
import type { InterviewRepository } from '../ports/interview-repository';
import type { UserRepository } from '../ports/user-repository';
import { panelOf } from '../interviews/interview-panel';

/** Generous: every interviewer's overlaps in one query; a picker never lists more interviewers than this. */
const MAX_OVERLAPS = 500;

/** Which interviewers already have a live interview overlapping the slot (widened by the conflict buffer), for the picker. */
export async function findBusyInterviewers(
  deps: { interviews: Pick<InterviewRepository, 'findOverlapping'>; users: Pick<UserRepository, 'list'>; conflictBufferMinutes: number },
  slot: { startTime: Date; durationMinutes: number },
): Promise<InterviewerAvailabilityResponse> {
  const interviewers = await deps.users.list({ role: 'interviewer' });
  if (interviewers.length === 0) return { busy: [] };
  const bufferMs = deps.conflictBufferMinutes * 60_000;
  const overlapping = await deps.interviews.findOverlapping({
    interviewerIds: interviewers.map((user) => user.id),
    candidateEmail: null,
    from: new Date(slot.startTime.getTime() - bufferMs),
    to: new Date(slot.startTime.getTime() + slot.durationMinutes * 60_000 + bufferMs),
    limit: MAX_OVERLAPS,
  });
  const counts = new Map<string, number>();
  // Every member of a panel is busy with it.
  for (const record of overlapping) for (const id of panelOf(record)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return { busy: [...counts].map(([interviewerId, interviews]) => ({ interviewerId, interviews })) };
}
