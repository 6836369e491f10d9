import type { HostedInterviewsResponse } from '@crm/shared/zoom-connection';
import type { InterviewRepository } from '../ports/interview-repository';
import type { Clock } from '../ports/clock';
import { hostInterviewerOf } from '../interviews/interview-panel';

/** Upcoming interviews whose meeting is hosted on this user's own Zoom account: what a disconnect moves. */
export async function listHostedInterviews(deps: { interviews: Pick<InterviewRepository, 'list'>; clock: Clock }, userId: string): Promise<HostedInterviewsResponse> {
  const upcoming = await deps.interviews.list({ interviewerId: userId, when: 'upcoming', includeCancelled: false, limit: 200, now: deps.clock.now() });
  return {
    interviews: upcoming
      // On a panel, only those this member hosts (the list holds every interview they are on).
      .filter((interview) => interview.meeting.hostSource === 'interviewer' && interview.meeting.zoomMeetingId !== null && hostInterviewerOf(interview) === userId)
      .map((interview) => ({ id: interview.id, candidateName: interview.candidateName, position: interview.position, startTime: interview.startTime.toISOString() })),
  };
}
