import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { interviewEndpoints, type InterviewerAvailabilityResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { interviewQueryKeys } from './interview-query-keys';

/** Who is busy at the time being typed; nothing is asked until the form holds a whole time and duration. */
export function useInterviewerAvailability(slot: { startTime: string; durationMinutes: number } | null) {
  return useQuery({
    queryKey: [...interviewQueryKeys.interviewers(), 'availability', slot?.startTime ?? '', slot?.durationMinutes ?? 0],
    queryFn: ({ signal }) =>
      apiRequest<InterviewerAvailabilityResponse>(interviewEndpoints.interviewerAvailability.path, {
        query: { startTime: slot!.startTime, durationMinutes: slot!.durationMinutes },
        signal,
      }),
    enabled: slot !== null,
    placeholderData: keepPreviousData,
  });
}
