import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { interviewEndpoints, type SchedulingSettings, type SchedulingSettingsResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

const schedulingSettingsKey = interviewQueryKeys.schedulingSettings();

export function schedulingSettingsQueryOptions() {
  return queryOptions({
    queryKey: schedulingSettingsKey,
    queryFn: ({ signal }) => apiRequest<SchedulingSettingsResponse>(interviewEndpoints.getSchedulingSettings.path, { signal }),
  });
}

export function useSchedulingSettings() {
  return useQuery(schedulingSettingsQueryOptions());
}

export function useSaveSchedulingSettingsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SchedulingSettings) =>
      apiRequest<SchedulingSettingsResponse>(interviewEndpoints.putSchedulingSettings.path, { method: interviewEndpoints.putSchedulingSettings.method, body }),
    onSuccess: (saved) => queryClient.setQueryData(schedulingSettingsKey, saved),
  });
}
