import type { AxiosInstance } from 'axios';
import { createZoomOAuthHttp } from './zoom-oauth-http';
import { ZoomSecret } from './zoom-secret';

export interface ZoomOAuthClientOptions {
  /** `ZOOM_OAUTH_BASE_URL`, e.g. https://zoom.us */
  oauthBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  timeoutMs: number;
}

export interface ZoomTokenSet {
  accessToken: ZoomSecret;
  refreshToken: ZoomSecret;
  expiresInSeconds: number;
  scopes: string[];
}

export type ZoomOAuthErrorKind =
  /** The code, verifier or refresh token is dead (used, rotated, revoked, expired): only a new consent helps. */
  | 'invalid_grant'
  /** Our client id or secret is wrong: a configuration problem, not the user's. */
  | 'invalid_client'
  /** Zoom answered 5xx/429 or could not be reached: try again later. */
  | 'unavailable'
  | 'unexpected';

/** A failed OAuth call, carrying no request, headers, body or token: safe to log. */
export class ZoomOAuthError extends Error {
  constructor(
    readonly kind: ZoomOAuthErrorKind,
    readonly operation: 'exchangeCode' | 'refresh' | 'revoke',
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ZoomOAuthError';
  }
}

/** The user-level OAuth app's side of Zoom: authorize URL, code exchange, refresh, revoke. */
export class ZoomOAuthClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: ZoomOAuthClientOptions) {
    this.http = createZoomOAuthHttp(options);
  }

  authorizeUrl(input: { state: string; codeChallenge: string }): string {
    const url = new URL('/oauth/authorize', this.options.oauthBaseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      state: input.state,
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  async exchangeCode(code: ZoomSecret, codeVerifier: ZoomSecret): Promise<ZoomTokenSet> {
    const body = await this.post('exchangeCode', '/oauth/token', {
      grant_type: 'authorization_code',
      code: code.reveal(),
      redirect_uri: this.options.redirectUri,
      code_verifier: codeVerifier.reveal(),
    });
    return toTokenSet('exchangeCode', body);
  }

  /** Zoom rotates the refresh token on every call: the caller must store the new one before anything else. */
  async refresh(refreshToken: ZoomSecret): Promise<ZoomTokenSet> {
    const body = await this.post('refresh', '/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken.reveal() });
    return toTokenSet('refresh', body);
  }

  async revoke(token: ZoomSecret): Promise<void> {
    await this.post('revoke', '/oauth/revoke', { token: token.reveal() });
  }

  private async post(operation: ZoomOAuthError['operation'], path: string, form: Record<string, string>): Promise<unknown> {
    let response;
    try {
      response = await this.http.post(path, new URLSearchParams(form).toString(), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    } catch (error) {
      // Read only the socket code: axios errors carry the config, including the form body and Basic auth.
      const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'UNKNOWN';
      throw new ZoomOAuthError('unavailable', operation, null, `Zoom OAuth could not be reached (${code})`);
    }
    if (response.status >= 200 && response.status < 300) return response.data;
    const zoomError = typeof response.data?.error === 'string' ? (response.data.error as string) : null;
    const reason = typeof response.data?.reason === 'string' ? (response.data.reason as string).slice(0, 200) : '';
    const message = `Zoom OAuth answered ${response.status}${zoomError ? ` ${zoomError}` : ''}${reason ? `: ${reason}` : ''}`;
    if (zoomError === 'invalid_grant') throw new ZoomOAuthError('invalid_grant', operation, response.status, message);
    if (zoomError === 'invalid_client' || response.status === 401) throw new ZoomOAuthError('invalid_client', operation, response.status, message);
    if (response.status >= 500 || response.status === 429) throw new ZoomOAuthError('unavailable', operation, response.status, message);
    throw new ZoomOAuthError('unexpected', operation, response.status, message);
  }
}

function toTokenSet(operation: ZoomOAuthError['operation'], body: unknown): ZoomTokenSet {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.access_token !== 'string' || typeof b.refresh_token !== 'string') {
    throw new ZoomOAuthError('unexpected', operation, null, 'Zoom OAuth answered without an access or refresh token');
  }
  const expiresIn = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : 3599;
  return {
    accessToken: new ZoomSecret(b.access_token),
    refreshToken: new ZoomSecret(b.refresh_token),
    expiresInSeconds: expiresIn,
    scopes: typeof b.scope === 'string' ? b.scope.split(/[\s,]+/).filter(Boolean) : [],
  };
}
