import axios, { type AxiosInstance } from 'axios';

/**
 * An HTTP client for Zoom's OAuth endpoints, authenticating as an app with HTTP Basic client credentials.
 * Every status is returned, never thrown: callers classify Zoom's answers themselves.
 */
export function createZoomOAuthHttp(options: { oauthBaseUrl: string; timeoutMs: number; clientId: string; clientSecret: string }): AxiosInstance {
  return axios.create({
    baseURL: options.oauthBaseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs,
    validateStatus: () => true,
    maxRedirects: 0,
    auth: { username: options.clientId, password: options.clientSecret },
    headers: { Accept: 'application/json' },
  });
}
