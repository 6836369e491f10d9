import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zoomEndpoints, type ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { apiRequest } from '../../../lib/api-client';
import { zoomConnectionQueryKeys } from './zoom-connection-query-keys';

export function disconnectZoom(): Promise<ZoomStatusResponse> {
  return apiRequest<ZoomStatusResponse>(zoomEndpoints.disconnect.path, { method: zoomEndpoints.disconnect.method });
}

export function useDisconnectZoomMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disconnectZoom,
    // The answer is the new status: shown as is, no second request.
    onSuccess: (status) => {
      queryClient.setQueryData(zoomConnectionQueryKeys.status(), status);
      void queryClient.invalidateQueries({ queryKey: zoomConnectionQueryKeys.hostedInterviews() });
    },
  });
}
