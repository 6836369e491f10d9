import { useQuery } from '@tanstack/react-query';
import { interviewEndpoints, type InterviewHistoryResponse, type InterviewResponse } from '@crm/shared/interviews';
import { apiRequest, fillPath } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

export function getInterview(id: string, signal?: AbortSignal): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(fillPath(interviewEndpoints.get.path, { id }), { signal });
}

export function getInterviewHistory(id: string, signal?: AbortSignal): Promise<InterviewHistoryResponse> {
  return apiRequest<InterviewHistoryResponse>(fillPath(interviewEndpoints.history.path, { id }), { signal });
}

export function useInterview(id: string) {
  return useQuery({ queryKey: interviewQueryKeys.detail(id), queryFn: ({ signal }) => getInterview(id, signal) });
}

export function useInterviewHistory(id: string) {
  return useQuery({ queryKey: interviewQueryKeys.history(id), queryFn: ({ signal }) => getInterviewHistory(id, signal) });
}

/** The interview page's address; src/app/paths.ts declares the route pattern (`/interviews/:id`) it fills. */
export function interviewPagePath(id: string): string {
  return `/interviews/${encodeURIComponent(id)}`;
}
