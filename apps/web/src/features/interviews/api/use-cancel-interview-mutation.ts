import { useMutation, useQueryClient } from '@tanstack/react-query';
import { interviewEndpoints, type InterviewResponse } from '@crm/shared/interviews';
import { apiRequest, fillPath } from '../../../lib/api-client';
import { cacheChangedInterview } from './cache-changed-interview';

export function cancelInterview(id: string): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(fillPath(interviewEndpoints.cancel.path, { id }), { method: interviewEndpoints.cancel.method });
}

export function useCancelInterviewMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelInterview(id),
    onSuccess: ({ interview }) => cacheChangedInterview(queryClient, interview),
  });
}
