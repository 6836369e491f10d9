import { queryOptions, useQuery } from '@tanstack/react-query';
import { authEndpoints, type AuthMethodsResponse } from '@crm/shared/auth';
import { apiRequest } from '../../../lib/api-client';

/** Cache keys of the auth feature's queries (the session itself lives in SessionProvider). */
export const authQueryKeys = {
  all: ['auth'] as const,
  methods: () => [...authQueryKeys.all, 'methods'] as const,
};

export function getAuthMethods(signal?: AbortSignal): Promise<AuthMethodsResponse> {
  return apiRequest<AuthMethodsResponse>(authEndpoints.authMethods.path, { signal, skipUnauthenticatedHandler: true });
}

/** Which sign-in methods the server offers; fixed by its configuration, so read once per page load. */
export function useAuthMethods() {
  return useQuery(queryOptions({ queryKey: authQueryKeys.methods(), queryFn: ({ signal }) => getAuthMethods(signal), staleTime: Infinity }));
}
