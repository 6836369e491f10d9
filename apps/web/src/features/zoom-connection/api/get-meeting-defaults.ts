import { queryOptions, useQuery } from '@tanstack/react-query';
import { interviewEndpoints, type MeetingDefaultsResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { zoomConnectionQueryKeys } from './zoom-connection-query-keys';

export function getMeetingDefaults(signal?: AbortSignal): Promise<MeetingDefaultsResponse> {
  return apiRequest<MeetingDefaultsResponse>(interviewEndpoints.getMeetingDefaults.path, { signal });
}

export function meetingDefaultsQueryOptions() {
  return queryOptions({ queryKey: zoomConnectionQueryKeys.meetingDefaults(), queryFn: ({ signal }) => getMeetingDefaults(signal) });
}

export function useMeetingDefaults() {
  return useQuery(meetingDefaultsQueryOptions());
}
