import { zoomEndpoints, type ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { apiRequest } from '../../../lib/api-client';

/** Connecting is a top-level navigation: the API answers with a redirect to Zoom's consent page. */
export const ZOOM_CONNECT_PATH = zoomEndpoints.connect.path;

export function fetchZoomStatus(signal?: AbortSignal): Promise<ZoomStatusResponse> {
  return apiRequest<ZoomStatusResponse>(zoomEndpoints.status.path, { signal });
}

export function disconnectZoom(): Promise<ZoomStatusResponse> {
  return apiRequest<ZoomStatusResponse>(zoomEndpoints.disconnect.path, { method: zoomEndpoints.disconnect.method });
}
