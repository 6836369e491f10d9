import { queryOptions, useQuery } from '@tanstack/react-query';
import { interviewEndpoints, type InterviewerListResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

export function getInterviewers(signal?: AbortSignal): Promise<InterviewerListResponse> {
  return apiRequest<InterviewerListResponse>(interviewEndpoints.interviewers.path, { signal });
}

export function interviewersQueryOptions() {
  return queryOptions({ queryKey: interviewQueryKeys.interviewers(), queryFn: ({ signal }) => getInterviewers(signal) });
}

export function useInterviewers() {
  return useQuery(interviewersQueryOptions());
}
