import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authEndpoints, type UserResponse } from '@crm/shared/auth';
import { apiRequest, fillPath } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

export function setUserActive({ userId, active }: { userId: string; active: boolean }): Promise<UserResponse> {
  const endpoint = active ? authEndpoints.reactivateUser : authEndpoints.deactivateUser;
  return apiRequest<UserResponse>(fillPath(endpoint.path, { id: userId }), { method: endpoint.method });
}

export function useSetUserActiveMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserActive,
    // Users, Zoom connections (deactivation disconnects) and the audit log all changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.all }),
  });
}
