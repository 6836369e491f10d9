import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { interviewEndpoints, InterviewerListResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

// Only the type comes from the shared declaration, so the dashboard's early read of this list (app-query-provider)
// need not wait for the shared contract and zod to load; the literal type holds this path to the declared one.
const INTERVIEWERS_PATH: (typeof interviewEndpoints)['interviewers']['path'] = '/api/interviewers';

/** How many matches a type-ahead shows. */
export const INTERVIEWER_MATCHES = 20;

/** Every interviewer, or with `q` (type-ahead) the first INTERVIEWER_MATCHES whose name, a word of it, or email starts so. */
export function getInterviewers(signal?: AbortSignal, q?: string): Promise<InterviewerListResponse> {
  const typed = q?.trim();
  return apiRequest<InterviewerListResponse>(INTERVIEWERS_PATH, {
    ...(typed ? { query: { q: typed, limit: INTERVIEWER_MATCHES } } : {}),
    ...(signal ? { signal } : {}),
  });
}

export function interviewersQueryOptions(q?: string) {
  const typed = q?.trim() || undefined;
  return queryOptions({
    queryKey: interviewQueryKeys.interviewers(typed),
    queryFn: ({ signal }) => getInterviewers(signal, typed),
    // While the next keystroke's matches load, the previous ones stay listed.
    placeholderData: keepPreviousData,
  });
}

/** `q` absent: every interviewer (as before); present: the type-ahead's matches. */
export function useInterviewers(q?: string) {
  return useQuery(interviewersQueryOptions(q));
}
