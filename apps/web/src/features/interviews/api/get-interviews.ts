import { queryOptions, useQuery } from '@tanstack/react-query';
import { interviewEndpoints, type InterviewListResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

export type InterviewWindow = 'upcoming' | 'past';

export function getInterviews(when: InterviewWindow, signal?: AbortSignal, includeCancelled = false): Promise<InterviewListResponse> {
  return apiRequest<InterviewListResponse>(interviewEndpoints.list.path, { query: { when, ...(includeCancelled ? { includeCancelled: 'true' } : {}) }, signal });
}

// Polling bounds while a meeting is pending: often enough to show the worker's result within about
// two seconds, rarely enough that a long Zoom outage (backoff of minutes) costs little.
export const PENDING_POLL_MIN_MS = 2_000;
export const PENDING_POLL_MAX_MS = 30_000;

/**
 * When to look again while any listed meeting is `pending`: just after the soonest retry the API has
 * planned (`nextAttemptAt`), then every PENDING_POLL_MIN_MS until the worker settles it; never when none is pending.
 */
export function pendingMeetingPollMs(data: InterviewListResponse | undefined, now = Date.now()): number | false {
  const pending = data?.interviews.filter((interview) => interview.meeting.status === 'pending') ?? [];
  if (pending.length === 0) return false;
  const dueTimes = pending.map((interview) => (interview.meeting.nextAttemptAt ? Date.parse(interview.meeting.nextAttemptAt) : now));
  const untilSoonest = Math.min(...dueTimes) - now + PENDING_POLL_MIN_MS / 2;
  return Math.min(PENDING_POLL_MAX_MS, Math.max(PENDING_POLL_MIN_MS, Number.isFinite(untilSoonest) ? untilSoonest : 0));
}

export function interviewsQueryOptions(when: InterviewWindow, includeCancelled = false) {
  return queryOptions({
    queryKey: interviewQueryKeys.list(when, includeCancelled),
    queryFn: ({ signal }) => getInterviews(when, signal, includeCancelled),
    refetchInterval: (query) => pendingMeetingPollMs(query.state.data),
  });
}

export function useInterviews(when: InterviewWindow, includeCancelled = false) {
  return useQuery(interviewsQueryOptions(when, includeCancelled));
}
