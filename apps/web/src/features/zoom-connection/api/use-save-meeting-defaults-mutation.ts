import { useMutation, useQueryClient } from '@tanstack/react-query';
import { interviewEndpoints, type MeetingDefaults, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { zoomConnectionQueryKeys } from './zoom-connection-query-keys';

export function saveMeetingDefaults(defaults: MeetingDefaults): Promise<MeetingDefaultsResponse> {
  return apiRequest<MeetingDefaultsResponse>(interviewEndpoints.putMeetingDefaults.path, {
    method: interviewEndpoints.putMeetingDefaults.method,
    body: defaults,
  });
}

export function useSaveMeetingDefaultsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMeetingDefaults,
    // The answer is the saved state: shown as is, no second request.
    onSuccess: (saved) => queryClient.setQueryData(zoomConnectionQueryKeys.meetingDefaults(), saved),
  });
}
