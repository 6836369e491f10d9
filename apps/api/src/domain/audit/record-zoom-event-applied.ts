import type { AuditRepository } from '../ports/audit-repository';
import type { Clock } from '../ports/clock';
import type { InterviewRecord } from '../ports/interview-repository';
import type { UserRepository } from '../ports/user-repository';
import { recordAuditEvent, ZOOM_ACTOR } from './record-audit-event';

export interface ZoomEventAuditDeps {
  audit: AuditRepository;
  users: Pick<UserRepository, 'findById'>;
  clock: Clock;
}

/**
 * One `zoom.event_applied` line for a Zoom webhook that changed an interview (edited or deleted in Zoom,
 * attendance, a recording), naming the Zoom event. Callers record only what they acted on: the CRM's own
 * changes echoing back change nothing and are not audited. The interviewer is the affected user.
 */
export async function recordZoomEventApplied(
  deps: ZoomEventAuditDeps,
  applied: {
    zoomEvent: string;
    outcome: string;
    interview: Pick<InterviewRecord, 'id' | 'interviewerId' | 'candidateName' | 'timeZone'>;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { interview } = applied;
  const interviewer = await deps.users.findById(interview.interviewerId);
  await recordAuditEvent(deps.audit, {
    type: 'zoom.event_applied',
    actor: ZOOM_ACTOR,
    subject: { userId: interview.interviewerId, email: interviewer?.email ?? null },
    details: {
      zoomEvent: applied.zoomEvent,
      outcome: applied.outcome,
      interviewId: interview.id,
      candidateName: interview.candidateName,
      timeZone: interview.timeZone,
      ...applied.details,
    },
    at: deps.clock.now(),
  });
}
