import { recordAuditEvent, SYSTEM_ACTOR } from '../audit/record-audit-event';
import { tryReserveFallbackHost } from '../meetings/fallback-host-pool';
import type { InterviewDeps } from './interview-deps';
import { syncNow } from './sync-interview-meeting';

/** How many waiting interviews one pass looks at (soonest first); the rest wait for the next pass. */
const WAITING_PER_PASS = 50;

/**
 * Interviews saved without a meeting because every fallback host was busy get one as soon as a slot at
 * their time is free again (another interview cancelled, moved or hosted by its interviewer), without
 * anyone pressing "Retry now". The slot is taken first, in the store, so a pass that finds the pool still
 * full calls nobody and records nothing. Returns how many got their meeting.
 */
export async function offerFreedFallbackSlots(deps: InterviewDeps): Promise<number> {
  const pool = deps.fallbackHosts;
  if (!pool) return 0;
  let offered = 0;
  for (const waiting of await deps.interviews.listWaitingForFallbackHost(deps.clock.now(), WAITING_PER_PASS)) {
    if (!(await tryReserveFallbackHost(pool, { interviewId: waiting.id, startTime: waiting.startTime, durationMinutes: waiting.durationMinutes }))) continue;
    const after = (await syncNow(deps, waiting.id)) ?? waiting;
    const interviewer = await deps.users.findById(waiting.interviewerId);
    await recordAuditEvent(deps.audit, {
      type: 'meeting.retried',
      actor: SYSTEM_ACTOR,
      subject: { userId: waiting.interviewerId, email: interviewer?.email ?? null },
      details: { interviewId: waiting.id, action: waiting.meeting.pendingAction, from: 'failed', to: after.meeting.status, lastErrorCode: after.meeting.lastError?.code ?? null, cause: 'fallback_host_free' },
    });
    if (after.meeting.status === 'scheduled') offered += 1;
    // The join link reaches the attendees, as after any meeting the worker makes.
    await deps.onInterviewChanged(after);
  }
  return offered;
}
