import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { zoomEndpoints, type AdminZoomConnectionsQuery, type AdminZoomConnectionsResponse } from '@crm/shared/zoom-connection';
import { apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

/** Server-side filters of the connections table (name/email prefix, state, role). */
export type ZoomConnectionFilters = Pick<AdminZoomConnectionsQuery, 'q' | 'state' | 'role'>;

/** Rows per page of the connections table when it pages. */
export const ZOOM_CONNECTIONS_PAGE_SIZE = 50;

export function getZoomConnections(signal?: AbortSignal, options: { filters?: ZoomConnectionFilters; cursor?: string | null; limit?: number } = {}): Promise<AdminZoomConnectionsResponse> {
  const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, value]) => value !== undefined && value !== ''));
  const query = { ...filters, ...(options.limit ? { limit: options.limit } : {}), ...(options.cursor ? { cursor: options.cursor } : {}) };
  return apiRequest<AdminZoomConnectionsResponse>(zoomEndpoints.adminConnections.path, { ...(Object.keys(query).length > 0 ? { query } : {}), ...(signal ? { signal } : {}) });
}

/** Every user at once (small organisations; the totals and adoption summary). */
export function zoomConnectionsQueryOptions() {
  return queryOptions({ queryKey: adminQueryKeys.zoomConnections(), queryFn: ({ signal }) => getZoomConnections(signal) });
}

export function useZoomConnections() {
  return useQuery(zoomConnectionsQueryOptions());
}

/** A page at a time, filtered by the API: what the table uses once an organisation has thousands of users. */
export function zoomConnectionPagesQueryOptions(filters: ZoomConnectionFilters) {
  const active = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as ZoomConnectionFilters;
  return infiniteQueryOptions({
    queryKey: [...adminQueryKeys.zoomConnections(), 'pages', active] as const,
    queryFn: ({ signal, pageParam }) => getZoomConnections(signal, { filters: active, cursor: pageParam, limit: ZOOM_CONNECTIONS_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    // The counts and the rows stay on screen while a new filter's first page loads.
    placeholderData: keepPreviousData,
  });
}

export function useZoomConnectionPages(filters: ZoomConnectionFilters) {
  return useInfiniteQuery(zoomConnectionPagesQueryOptions(filters));
}
