import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authEndpoints, type Role, type UserResponse } from '@crm/shared/auth';
import { userEndpoints, type InviteUserRequest, type InviteUserResponse } from '@crm/shared/users';
import { apiRequest, fillPath } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

function useAdminMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  // Users, connections and the audit log all change with an account.
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.all }) });
}

export function useInviteUserMutation() {
  return useAdminMutation((body: InviteUserRequest) =>
    apiRequest<InviteUserResponse>(userEndpoints.inviteUser.path, { method: userEndpoints.inviteUser.method, body }),
  );
}

export function useResendInviteMutation() {
  return useAdminMutation((userId: string) =>
    apiRequest<InviteUserResponse>(fillPath(userEndpoints.resendInvite.path, { id: userId }), { method: userEndpoints.resendInvite.method }),
  );
}

export function useChangeRoleMutation() {
  return useAdminMutation(({ userId, role }: { userId: string; role: Role }) =>
    apiRequest<UserResponse>(fillPath(authEndpoints.changeUserRole.path, { id: userId }), { method: authEndpoints.changeUserRole.method, body: { role } }),
  );
}
