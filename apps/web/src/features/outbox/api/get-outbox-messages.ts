import { queryOptions, useQuery } from '@tanstack/react-query';
import { calendarEndpoints, type OutboxListResponse } from '@crm/shared/calendar';
import { apiRequest } from '../../../lib/api-client';

/** Every cache key of the outbox feature (admins' view of outgoing email). */
export const outboxQueryKeys = {
  all: ['outbox'] as const,
  recent: () => [...outboxQueryKeys.all, 'recent'] as const,
};

export function getOutboxMessages(signal?: AbortSignal): Promise<OutboxListResponse> {
  return apiRequest<OutboxListResponse>(calendarEndpoints.outbox.path, { signal });
}

export function useOutboxMessages() {
  return useQuery(
    queryOptions({
      queryKey: outboxQueryKeys.recent(),
      queryFn: ({ signal }) => getOutboxMessages(signal),
      // Delivery moves on its own (the worker); keep the list current while something is queued.
      refetchInterval: (query) => (query.state.data?.messages.some((message) => message.status === 'queued') ? 5_000 : false),
    }),
  );
}
