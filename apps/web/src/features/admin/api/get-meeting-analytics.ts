import { queryOptions, useQuery } from '@tanstack/react-query';
import { interviewEndpoints, type MeetingAnalyticsResponse } from '@crm/shared/interviews';
import { apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

/** Meetings per interviewer on their own vs the organisation's account, over the API's window (30 days). */
export function getMeetingAnalytics(signal?: AbortSignal): Promise<MeetingAnalyticsResponse> {
  return apiRequest<MeetingAnalyticsResponse>(interviewEndpoints.meetingAnalytics.path, { signal });
}

export function meetingAnalyticsQueryOptions() {
  return queryOptions({ queryKey: adminQueryKeys.meetingAnalytics(), queryFn: ({ signal }) => getMeetingAnalytics(signal) });
}

export function useMeetingAnalytics() {
  return useQuery(meetingAnalyticsQueryOptions());
}
