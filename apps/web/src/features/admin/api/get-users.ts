import { queryOptions, useQuery } from '@tanstack/react-query';
import { authEndpoints, type UserListResponse } from '@crm/shared/auth';
import { apiRequest } from '../../../lib/api-client';
import { adminQueryKeys } from './admin-query-keys';

export function getUsers(signal?: AbortSignal): Promise<UserListResponse> {
  return apiRequest<UserListResponse>(authEndpoints.listUsers.path, { signal });
}

export function useUsers() {
  return useQuery(queryOptions({ queryKey: adminQueryKeys.users(), queryFn: ({ signal }) => getUsers(signal) }));
}
