import { queryOptions, useQuery } from '@tanstack/react-query';
import { zoomEndpoints, type AdminZoomConnectionsResponse } from '@crm/shared/zoom-connection';
import { apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

export function getZoomConnections(signal?: AbortSignal): Promise<AdminZoomConnectionsResponse> {
  return apiRequest<AdminZoomConnectionsResponse>(zoomEndpoints.adminConnections.path, { signal });
}

export function zoomConnectionsQueryOptions() {
  return queryOptions({ queryKey: adminQueryKeys.zoomConnections(), queryFn: ({ signal }) => getZoomConnections(signal) });
}

export function useZoomConnections() {
  return useQuery(zoomConnectionsQueryOptions());
}
