import { useQuery } from '@tanstack/react-query';
import { endpointPath } from '@crm/shared/endpoint';
import { recordingEndpoints, type InterviewRecordingResponse } from '@crm/shared/recordings';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

/** The recording and transcript, or null when this viewer may not see them (the API answers 404). */
export async function getInterviewRecording(id: string, signal?: AbortSignal): Promise<InterviewRecordingResponse | null> {
  try {
    return await apiRequest<InterviewRecordingResponse>(endpointPath(recordingEndpoints.interviewRecording, { id }), { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useInterviewRecording(id: string, enabled: boolean) {
  return useQuery({
    queryKey: interviewQueryKeys.recording(id),
    queryFn: ({ signal }) => getInterviewRecording(id, signal),
    enabled,
    staleTime: 60_000,
  });
}
