import { queryOptions, useQuery } from '@tanstack/react-query';
import { calendarEndpoints, type CalendarFeedStatus } from '@crm/shared/calendar';
import { apiRequest } from '../../../lib/api-client';
import { calendarQueryKeys } from './calendar-query-keys';

export function getCalendarFeedStatus(signal?: AbortSignal): Promise<CalendarFeedStatus> {
  return apiRequest<CalendarFeedStatus>(calendarEndpoints.feedStatus.path, { signal });
}

export function calendarFeedStatusQueryOptions() {
  return queryOptions({ queryKey: calendarQueryKeys.feedStatus(), queryFn: ({ signal }) => getCalendarFeedStatus(signal) });
}

export function useCalendarFeedStatus() {
  return useQuery(calendarFeedStatusQueryOptions());
}
