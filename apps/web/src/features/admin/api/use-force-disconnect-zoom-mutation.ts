import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zoomEndpoints, type ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { apiRequest, fillPath } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

export function forceDisconnectZoom(userId: string): Promise<ZoomStatusResponse> {
  return apiRequest<ZoomStatusResponse>(fillPath(zoomEndpoints.adminDisconnect.path, { id: userId }), {
    method: zoomEndpoints.adminDisconnect.method,
  });
}

export function useForceDisconnectZoomMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: forceDisconnectZoom,
    // The table, the counts and the audit log (which records the disconnect) all changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.all }),
  });
}
