import { useMutation, useQueryClient } from '@tanstack/react-query';
import { interviewEndpoints, type InterviewResponse } from '@crm/shared/interviews';
import { apiRequest, fillPath } from '../../../lib/api-client';
import { cacheChangedInterview } from './cache-changed-interview';

export function retryMeeting(id: string): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(fillPath(interviewEndpoints.retry.path, { id }), { method: interviewEndpoints.retry.method });
}

/** "Retry now" on a failed or pending meeting change. */
export function useRetryMeetingMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retryMeeting(id),
    onSuccess: ({ interview }) => cacheChangedInterview(queryClient, interview),
  });
}
