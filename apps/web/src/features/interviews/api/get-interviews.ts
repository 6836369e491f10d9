import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { interviewEndpoints, type Interview, type InterviewListResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { activeFilters, type InterviewFilters } from './interview-filters';
import { interviewQueryKeys } from './interview-query-keys';

export type InterviewWindow = 'upcoming' | 'past';

/** One page: small enough to show at once at any organisation size; "Load more" asks for the next. */
export const INTERVIEW_PAGE_SIZE = 25;

export function getInterviews(when: InterviewWindow, options: { filters?: InterviewFilters; cursor?: string | null; signal?: AbortSignal } = {}): Promise<InterviewListResponse> {
  return apiRequest<InterviewListResponse>(interviewEndpoints.list.path, {
    query: { when, limit: INTERVIEW_PAGE_SIZE, ...activeFilters(options.filters ?? {}), ...(options.cursor ? { cursor: options.cursor } : {}) },
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

// Polling bounds while a meeting is pending: often enough to show the worker's result within about
// two seconds, rarely enough that a long Zoom outage (backoff of minutes) costs little.
export const PENDING_POLL_MIN_MS = 2_000;
export const PENDING_POLL_MAX_MS = 30_000;

/** Every interview of the pages loaded so far, in the list's order. */
export function loadedInterviews(data: InfiniteData<InterviewListResponse> | Pick<InterviewListResponse, 'interviews'> | undefined): Interview[] {
  if (!data) return [];
  return 'pages' in data ? data.pages.flatMap((page) => page.interviews) : data.interviews;
}

/**
 * When to look again while any listed meeting is `pending`: just after the soonest retry the API has
 * planned (`nextAttemptAt`), then every PENDING_POLL_MIN_MS until the worker settles it; never when none is pending.
 */
export function pendingMeetingPollMs(data: InfiniteData<InterviewListResponse> | Pick<InterviewListResponse, 'interviews'> | undefined, now = Date.now()): number | false {
  const pending = loadedInterviews(data).filter((interview) => interview.meeting.status === 'pending');
  if (pending.length === 0) return false;
  const dueTimes = pending.map((interview) => (interview.meeting.nextAttemptAt ? Date.parse(interview.meeting.nextAttemptAt) : now));
  const untilSoonest = Math.min(...dueTimes) - now + PENDING_POLL_MIN_MS / 2;
  return Math.min(PENDING_POLL_MAX_MS, Math.max(PENDING_POLL_MIN_MS, Number.isFinite(untilSoonest) ? untilSoonest : 0));
}

export function interviewsQueryOptions(when: InterviewWindow, filters: InterviewFilters = {}) {
  const active = activeFilters(filters);
  return infiniteQueryOptions({
    queryKey: interviewQueryKeys.list(when, active),
    queryFn: ({ signal, pageParam }) => getInterviews(when, { filters: active, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    refetchInterval: (query) => pendingMeetingPollMs(query.state.data),
  });
}

export function useInterviews(when: InterviewWindow, filters: InterviewFilters = {}) {
  return useInfiniteQuery(interviewsQueryOptions(when, filters));
}
