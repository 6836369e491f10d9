import { useMutation, useQueryClient } from '@tanstack/react-query';
import { interviewEndpoints, type CreateInterviewRequest, type InterviewResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

export function createInterview(body: CreateInterviewRequest): Promise<InterviewResponse> {
  return apiRequest<InterviewResponse>(interviewEndpoints.create.path, { method: interviewEndpoints.create.method, body });
}

export function useCreateInterviewMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInterview,
    // The new interview joins a list, and the interviewers' expected host may have changed meanwhile.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interviewQueryKeys.all }),
  });
}
