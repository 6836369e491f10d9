/** Bodies in the shapes Zoom answers with: `{code, message}` on the REST API, `{reason, error}` on OAuth. */

export interface ZoomRestError {
  code: number;
  message: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface ZoomOAuthError {
  reason: string;
  error: string;
}

export const invalidAccessToken = (): ZoomRestError => ({ code: 124, message: 'Invalid access token.' });
export const noPermission = (): ZoomRestError => ({ code: 200, message: 'No permission.' });
export const userDoesNotExist = (userId: string): ZoomRestError => ({ code: 1001, message: `User does not exist: ${userId}.` });
export const meetingDoesNotExist = (meetingId: string): ZoomRestError => ({ code: 3001, message: `Meeting does not exist: ${meetingId}.` });
export const notMeetingHost = (): ZoomRestError => ({ code: 3003, message: 'You are not the meeting host.' });
export const missingScopes = (scopes: string[]): ZoomRestError => ({
  code: 4711,
  message: `Invalid access token, does not contain scopes:[${scopes.join(', ')}].`,
});
export const invalidJsonBody = (): ZoomRestError => ({ code: 300, message: 'Request Body should be a valid JSON object.' });
export const perSecondRateLimit = (): ZoomRestError => ({
  code: 429,
  message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
});

export const invalidClient = (): ZoomOAuthError => ({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
export const invalidAuthorizationCode = (): ZoomOAuthError => ({ reason: 'Invalid authorization code', error: 'invalid_grant' });
export const invalidRefreshToken = (): ZoomOAuthError => ({ reason: 'Invalid Token!', error: 'invalid_grant' });
export const unsupportedGrantType = (): ZoomOAuthError => ({ reason: 'unsupported grant type', error: 'unsupported_grant_type' });
export const invalidOAuthRequest = (reason: string): ZoomOAuthError => ({ reason, error: 'invalid_request' });

/** What an injected status fault answers with when the rule gives no body. */
export function defaultFaultBody(status: number, oauth: boolean): ZoomRestError | ZoomOAuthError {
  if (status === 429) return perSecondRateLimit();
  if (oauth && status === 401) return invalidClient();
  if (oauth && status >= 400 && status < 500) return invalidOAuthRequest('Invalid request');
  if (status === 401) return invalidAccessToken();
  if (status === 404) return { code: 404, message: 'Not Found' };
  if (status === 400) return { code: 300, message: 'Request failed.' };
  if (status === 502 || status === 503 || status === 504) return { code: status, message: 'Service Unavailable. Please try again later.' };
  if (status >= 500) return { code: status, message: 'Internal Server Error. Please try again later.' };
  return { code: status, message: 'Request failed.' };
}
