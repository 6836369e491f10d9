import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import type { AccessTokenResult, AccessTokenSource } from '../domain/ports/access-token-source';
import type { CachedSecretRepository } from '../domain/ports/cached-secret-repository';
import type { JobLeaseRepository } from '../domain/ports/job-lease-repository';
import type { Secret } from '../domain/ports/secret';
import type { SecretVault } from '../domain/ports/secret-vault';
import { retryWithBackoff } from '../retry/backoff';
import { parseRetryAfter } from './zoom-api-client';
import { ZoomApiError } from './zoom-api-error';
import { createZoomOAuthHttp } from './zoom-oauth-http';
import { ZoomSecret } from './zoom-secret';

export interface ServerToServerTokenOptions {
  /** `ZOOM_OAUTH_BASE_URL`, e.g. https://zoom.us */
  oauthBaseUrl: string;
  accountId: string;
  /** The S2S app's own credentials (not the user-level OAuth app's). */
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  cachedSecrets: CachedSecretRepository;
  leases: JobLeaseRepository;
  /** Seals the token for the shared cache (the persistence edge owns the encryption). */
  secrets: Pick<SecretVault, 'sealServerToken' | 'openServerToken'>;
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** How often a process waiting for another's token request re-reads the store. */
  pollIntervalMs?: number;
  /** The application clock, so tests never wait for real. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

interface Usable {
  secret: Secret;
  envelope: string;
  useUntil: number;
}

const MAX_ATTEMPTS = 3;
const TOKEN_REQUEST_BACKOFF = { baseDelayMs: 200, maxDelayMs: 4_000 };

/**
 * The organisation's Server-to-Server access token, cached encrypted in the store so every API
 * process shares it. One token request per expiry window however many meetings are created at once:
 * callers in this process share one promise; across processes a lease in the store picks the one
 * that asks Zoom while the others re-read the store until the new token appears.
 * As an AccessTokenSource it hosts meetings on the organisation's account; failures throw ZoomFailure.
 */
export class ServerToServerToken implements AccessTokenSource {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly http: AxiosInstance;
  private readonly cacheName: string;
  private readonly leaseName: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  private local: Usable | null = null;
  private inFlight: Promise<Usable> | null = null;

  constructor(private readonly options: ServerToServerTokenOptions) {
    this.http = createZoomOAuthHttp(options);
    this.cacheName = `zoom-s2s-token:${options.accountId}`;
    this.leaseName = `zoom-s2s-token-refresh:${options.accountId}`;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.now = options.now ?? (() => new Date());
  }

  async getAccessToken(options: { forceRefresh?: boolean; rejected?: Secret } = {}): Promise<AccessTokenResult> {
    if (options.rejected) await this.invalidate(options.rejected);
    return { ok: true, accessToken: await this.get(), zoomUserId: null, zoomEmail: null };
  }

  /** No connection to flag: a refused organisation token is only forgotten, so the next call fetches a new one. */
  async markRejected(rejected: Secret): Promise<void> {
    await this.invalidate(rejected);
  }

  async get(): Promise<Secret> {
    if (this.local && this.local.useUntil > this.now().getTime()) return this.local.secret;
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = null;
    });
    return (await this.inFlight).secret;
  }

  /** Zoom refused this token (124): forget it here and in the store, unless someone already replaced it. */
  async invalidate(rejected: Secret): Promise<void> {
    const current = this.local;
    if (current && current.secret.equals(rejected)) {
      this.local = null;
      await this.options.cachedSecrets.deleteIfMatches(this.cacheName, current.envelope);
      return;
    }
    const stored = await this.options.cachedSecrets.get(this.cacheName);
    if (stored && this.decrypt(stored.envelope)?.equals(rejected)) {
      await this.options.cachedSecrets.deleteIfMatches(this.cacheName, stored.envelope);
    }
  }

  private async load(): Promise<Usable> {
    const leaseTtlMs = this.options.timeoutMs * MAX_ATTEMPTS + 5_000;
    const giveUpAt = Date.now() + leaseTtlMs * 2;
    for (;;) {
      const cached = await this.readCache();
      if (cached) return this.remember(cached);
      // One owner per attempt: a lapsed attempt's release can never free a newer attempt's lease.
      const attempt = `${this.owner}:${randomUUID()}`;
      if (await this.options.leases.acquire(this.leaseName, attempt, leaseTtlMs)) {
        try {
          // Another process may have stored a token between our read and our lease.
          const again = await this.readCache();
          if (again) return this.remember(again);
          return this.remember(await this.requestAndStore());
        } finally {
          // Best effort: a failed release only delays the next fetch until the lease lapses; the token is what matters.
          await this.options.leases.release(this.leaseName, attempt).catch(() => undefined);
        }
      }
      if (Date.now() > giveUpAt) {
        throw new ZoomApiError({ kind: 'unavailable', operation: 'getServerToServerToken', message: 'Timed out waiting for another process to fetch the Zoom token' });
      }
      await this.sleep(this.options.pollIntervalMs ?? 50);
    }
  }

  private remember(usable: Usable): Usable {
    this.local = usable;
    return usable;
  }

  private async readCache(): Promise<Usable | null> {
    const stored = await this.options.cachedSecrets.get(this.cacheName);
    if (!stored || stored.expiresAt.getTime() <= this.now().getTime()) return null;
    const secret = this.decrypt(stored.envelope);
    // Unreadable (e.g. its key was retired): treat as absent and fetch a new one.
    return secret ? { secret, envelope: stored.envelope, useUntil: stored.expiresAt.getTime() } : null;
  }

  private decrypt(envelope: string): Secret | null {
    return this.options.secrets.openServerToken(this.options.accountId, envelope);
  }

  private async requestAndStore(): Promise<Usable> {
    const { secret, expiresInSeconds } = await this.requestToken();
    const lifetimeMs = expiresInSeconds * 1000;
    // Stop using it a little before Zoom does: 5 minutes, or a tenth of its life when that is shorter.
    const useUntil = this.now().getTime() + lifetimeMs - Math.min(5 * 60_000, lifetimeMs / 10);
    const envelope = this.options.secrets.sealServerToken(this.options.accountId, secret);
    await this.options.cachedSecrets.put(this.cacheName, { envelope, expiresAt: new Date(useUntil) });
    this.options.logger?.info({ zoom: { operation: 'getServerToServerToken', expiresInSeconds } }, 'fetched a Zoom Server-to-Server token');
    return { secret, envelope, useUntil };
  }

  /** A token grant is safe to repeat (several tokens may be valid at once), so every transient failure is retried. */
  private requestToken(): Promise<{ secret: ZoomSecret; expiresInSeconds: number }> {
    return retryWithBackoff((attempt) => this.requestTokenOnce(attempt), {
      ...TOKEN_REQUEST_BACKOFF,
      maxAttempts: MAX_ATTEMPTS,
      sleep: this.sleep,
      retryable: (error) => (error instanceof ZoomApiError && (error.kind === 'unavailable' || error.kind === 'rate_limited') ? { retryAfterMs: error.retryAfterMs } : false),
    });
  }

  private async requestTokenOnce(attempt: number): Promise<{ secret: ZoomSecret; expiresInSeconds: number }> {
    const operation = 'getServerToServerToken';
    let status: number;
    let body: Record<string, unknown>;
    let retryAfterMs: number | null = null;
    try {
      const response = await this.http.post(
        '/oauth/token',
        new URLSearchParams({ grant_type: 'account_credentials', account_id: this.options.accountId }).toString(),
        { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      );
      status = response.status;
      body = typeof response.data === 'object' && response.data !== null ? (response.data as Record<string, unknown>) : {};
      const retryAfter: unknown = response.headers['retry-after'];
      retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : null);
    } catch (cause) {
      // Only the code leaves this block: the axios error holds the Basic credentials.
      const code = typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : 'UNKNOWN';
      throw new ZoomApiError({ kind: 'unavailable', operation, networkCode: code, attempts: attempt, message: `Zoom's token endpoint could not be reached (${code})` });
    }
    if (status === 200 && typeof body.access_token === 'string') {
      const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3599;
      return { secret: new ZoomSecret(body.access_token), expiresInSeconds: expiresIn };
    }
    const reason = typeof body.reason === 'string' ? body.reason.slice(0, 200) : '';
    const error = typeof body.error === 'string' ? body.error : '';
    const kind = status === 429 ? 'rate_limited' : status >= 500 ? 'unavailable' : status === 401 || error === 'invalid_client' || status === 400 ? 'misconfigured' : 'unknown';
    throw new ZoomApiError({ kind, operation, status, retryAfterMs, attempts: attempt, message: `Zoom refused the Server-to-Server token request (${status}${error ? ` ${error}` : ''}${reason ? `: ${reason}` : ''})` });
  }
}
