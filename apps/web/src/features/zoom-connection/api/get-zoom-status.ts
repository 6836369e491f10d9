import { queryOptions, useQuery } from '@tanstack/react-query';
import { zoomEndpoints, type ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { apiRequest } from '../../../lib/api-client';
import { zoomConnectionQueryKeys } from './zoom-connection-query-keys';

/** Connecting is a top-level navigation: the API answers with a redirect to Zoom's consent page. */
export const ZOOM_CONNECT_PATH = zoomEndpoints.connect.path;

export function getZoomStatus(signal?: AbortSignal): Promise<ZoomStatusResponse> {
  return apiRequest<ZoomStatusResponse>(zoomEndpoints.status.path, { signal });
}

export function zoomStatusQueryOptions() {
  return queryOptions({ queryKey: zoomConnectionQueryKeys.status(), queryFn: ({ signal }) => getZoomStatus(signal) });
}

export function useZoomStatus() {
  return useQuery(zoomStatusQueryOptions());
}
