import { authEndpoints, type LoginRequest, type SessionResponse } from '@crm/shared/auth';
import { apiRequest } from '../../../lib/api-client';

export function logIn(credentials: LoginRequest): Promise<SessionResponse> {
  return apiRequest<SessionResponse>(authEndpoints.login.path, {
    method: authEndpoints.login.method,
    body: credentials,
    skipUnauthenticatedHandler: true,
  });
}

export function logOut(): Promise<void> {
  return apiRequest<void>(authEndpoints.logout.path, { method: authEndpoints.logout.method, skipUnauthenticatedHandler: true });
}
