import { authEndpoints, type LoginRequest, type SessionResponse, type SsoLogoutResponse } from '@crm/shared/auth';
import { apiRequest } from '../../../lib/api-client';

export function logIn(credentials: LoginRequest): Promise<SessionResponse> {
  return apiRequest<SessionResponse>(authEndpoints.login.path, {
    method: authEndpoints.login.method,
    body: credentials,
    skipUnauthenticatedHandler: true,
  });
}

/** Ends the CRM session; for a session that came from SSO, also the provider's end-session URL to visit (RP-initiated logout). */
export async function logOut(): Promise<string | null> {
  const { redirectTo } = await apiRequest<SsoLogoutResponse>(authEndpoints.ssoLogout.path, { method: authEndpoints.ssoLogout.method, skipUnauthenticatedHandler: true });
  return redirectTo;
}
