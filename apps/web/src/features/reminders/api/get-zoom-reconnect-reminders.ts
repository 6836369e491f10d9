import { queryOptions, useQuery } from '@tanstack/react-query';
import { reminderEndpoints, type ZoomReconnectRemindersResponse } from '@crm/shared/reminders';
import { apiRequest } from '../../../lib/api-client';
import { reminderQueryKeys } from './reminder-query-keys';

export function getZoomReconnectReminders(signal?: AbortSignal): Promise<ZoomReconnectRemindersResponse> {
  return apiRequest<ZoomReconnectRemindersResponse>(reminderEndpoints.zoomReconnectReminders.path, { signal });
}

export function zoomReconnectRemindersQueryOptions() {
  return queryOptions({ queryKey: reminderQueryKeys.zoomReconnect(), queryFn: ({ signal }) => getZoomReconnectReminders(signal) });
}

export function useZoomReconnectReminders() {
  return useQuery(zoomReconnectRemindersQueryOptions());
}
