import { useMutation, useQueryClient } from '@tanstack/react-query';
import { interviewEndpoints, type InterviewResponse, type UpdateInterviewRequest } from '@crm/shared/interviews';
import { apiRequest, fillPath } from '../../../lib/api-client';
import { cacheChangedInterview } from './cache-changed-interview';

export function rescheduleInterview(id: string, body: UpdateInterviewRequest): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(fillPath(interviewEndpoints.update.path, { id }), {
    method: interviewEndpoints.update.method,
    body,
  });
}

export function useRescheduleInterviewMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInterviewRequest) => rescheduleInterview(id, body),
    onSuccess: ({ interview }) => cacheChangedInterview(queryClient, interview),
  });
}
