import { createHash, randomBytes } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import type { Secret } from '../domain/ports/secret';
import type { ZoomOAuthGateway, ZoomTokenSet } from '../domain/ports/zoom-gateway';
import { ZoomFailure } from '../domain/ports/zoom-failure';
import { createZoomOAuthHttp } from './zoom-oauth-http';
import { revealSecret, ZoomSecret } from './zoom-secret';

export interface ZoomOAuthClientOptions {
  /** `ZOOM_OAUTH_BASE_URL`, e.g. https://zoom.us */
  oauthBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  timeoutMs: number;
}

type OAuthOperation = 'exchangeCode' | 'refresh' | 'revoke';

/**
 * A failed OAuth call, carrying no request, headers, body or token: safe to log. Its kind is one of
 * `invalid_grant` (only a new consent helps), `misconfigured` (our client id or secret), `unavailable`
 * (5xx, 429 or unreachable: try later) or `unknown`.
 */
export class ZoomOAuthError extends ZoomFailure {
  constructor(kind: 'invalid_grant' | 'misconfigured' | 'unavailable' | 'unknown', operation: OAuthOperation, status: number | null, message: string) {
    super({ kind, operation, status, message });
    this.name = 'ZoomOAuthError';
  }
}

/** The user-level OAuth app's side of Zoom: authorize URL with PKCE, code exchange, refresh, revoke. */
export class ZoomOAuthClient implements ZoomOAuthGateway {
  private readonly http: AxiosInstance;

  constructor(private readonly options: ZoomOAuthClientOptions) {
    this.http = createZoomOAuthHttp(options);
  }

  newCodeVerifier(): Secret {
    return new ZoomSecret(randomBytes(48).toString('base64url'));
  }

  authorizeUrl(input: { state: string; codeVerifier: Secret }): string {
    const url = new URL('/oauth/authorize', this.options.oauthBaseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      state: input.state,
      // RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))).
      code_challenge: createHash('sha256').update(revealSecret(input.codeVerifier)).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  async exchangeCode(code: string, codeVerifier: Secret): Promise<ZoomTokenSet> {
    const body = await this.post('exchangeCode', '/oauth/token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.options.redirectUri,
      code_verifier: revealSecret(codeVerifier),
    });
    return toTokenSet('exchangeCode', body);
  }

  /** Zoom rotates the refresh token on every call: the caller must store the new one before anything else. */
  async refresh(refreshToken: Secret): Promise<ZoomTokenSet> {
    const body = await this.post('refresh', '/oauth/token', { grant_type: 'refresh_token', refresh_token: revealSecret(refreshToken) });
    return toTokenSet('refresh', body);
  }

  async revoke(token: Secret): Promise<void> {
    await this.post('revoke', '/oauth/revoke', { token: revealSecret(token) });
  }

  private async post(operation: OAuthOperation, path: string, form: Record<string, string>): Promise<unknown> {
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
    const data = response.data as { error?: unknown; reason?: unknown } | null | undefined;
    const zoomError = typeof data?.error === 'string' ? data.error : null;
    const reason = typeof data?.reason === 'string' ? data.reason.slice(0, 200) : '';
    const message = `Zoom OAuth answered ${response.status}${zoomError ? ` ${zoomError}` : ''}${reason ? `: ${reason}` : ''}`;
    if (zoomError === 'invalid_grant') throw new ZoomOAuthError('invalid_grant', operation, response.status, message);
    if (zoomError === 'invalid_client' || response.status === 401) throw new ZoomOAuthError('misconfigured', operation, response.status, message);
    if (response.status >= 500 || response.status === 429) throw new ZoomOAuthError('unavailable', operation, response.status, message);
    throw new ZoomOAuthError('unknown', operation, response.status, message);
  }
}

function toTokenSet(operation: OAuthOperation, body: unknown): ZoomTokenSet {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.access_token !== 'string' || typeof b.refresh_token !== 'string') {
    throw new ZoomOAuthError('unknown', operation, null, 'Zoom OAuth answered without an access or refresh token');
  }
  const expiresIn = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : 3599;
  return {
    accessToken: new ZoomSecret(b.access_token),
    refreshToken: new ZoomSecret(b.refresh_token),
    expiresInSeconds: expiresIn,
    scopes: typeof b.scope === 'string' ? b.scope.split(/[\s,]+/).filter(Boolean) : [],
  };
}
