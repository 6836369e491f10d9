import { useMutation, useQueryClient } from '@tanstack/react-query';
import { calendarEndpoints, type CalendarFeedCreated } from '@crm/shared/calendar';
import { apiRequest } from '../../../lib/api-client';
import { calendarQueryKeys } from './calendar-query-keys';

export function regenerateCalendarFeed(): Promise<CalendarFeedCreated> {
  return apiRequest<CalendarFeedCreated>(calendarEndpoints.regenerateFeed.path, { method: calendarEndpoints.regenerateFeed.method });
}

export function revokeCalendarFeed(): Promise<void> {
  return apiRequest<void>(calendarEndpoints.revokeFeed.path, { method: calendarEndpoints.revokeFeed.method });
}

/** The new URL is in the mutation's data: the API shows it this once (it keeps only a hash). */
export function useRegenerateCalendarFeedMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateCalendarFeed,
    onSuccess: (created) => queryClient.setQueryData(calendarQueryKeys.feedStatus(), { active: true, createdAt: created.createdAt }),
  });
}

export function useRevokeCalendarFeedMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => queryClient.setQueryData(calendarQueryKeys.feedStatus(), { active: false, createdAt: null }),
  });
}
