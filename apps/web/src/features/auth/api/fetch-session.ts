import type { authEndpoints, SessionResponse } from '@crm/shared/auth';
import { apiRequest } from '../../../lib/api-client';

// Only the type comes from the shared declaration: importing its value would pull zod in before the
// session check could start. The literal type makes the compiler hold this path to the declared one.
const ME_PATH: (typeof authEndpoints)['me']['path'] = '/api/auth/me';

/** Whether the session cookie still holds; the first request every signed-in visit waits on. */
export function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  return apiRequest<SessionResponse>(ME_PATH, { signal, skipUnauthenticatedHandler: true });
}
