import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { recordingEndpoints, type RecordingSettings } from '@crm/shared/recordings';
import { apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

export function getRecordingSettings(signal?: AbortSignal): Promise<RecordingSettings> {
  return apiRequest<RecordingSettings>(recordingEndpoints.getRecordingSettings.path, { signal });
}

export function useRecordingSettings() {
  return useQuery({ queryKey: adminQueryKeys.recordingSettings(), queryFn: ({ signal }) => getRecordingSettings(signal) });
}

export function useSaveRecordingSettingsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: RecordingSettings) =>
      apiRequest<RecordingSettings>(recordingEndpoints.putRecordingSettings.path, { method: recordingEndpoints.putRecordingSettings.method, body: settings }),
    onSuccess: (saved) => queryClient.setQueryData(adminQueryKeys.recordingSettings(), saved),
  });
}
