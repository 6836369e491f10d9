import { setTimeout as delay } from 'node:timers/promises';
import axios, { type AxiosInstance, type Method } from 'axios';
import type { Logger } from 'pino';
import type { Secret } from '../domain/ports/secret';
import type { ZoomMeeting, ZoomMeetingRequest, ZoomMeetingsGateway, ZoomMeetingSummary, ZoomPastParticipant, ZoomUser } from '../domain/ports/zoom-gateway';
import { retryWithBackoff } from '../retry/backoff';
import { ZoomApiError, type ZoomApiErrorKind } from './zoom-api-error';
import { revealSecret, ZoomSecret } from './zoom-secret';
import { ZOOM_OPERATION_CATEGORY, type PacingStats, type ZoomRequestPacer } from './zoom-request-pacer';

export interface ZoomRetryPolicy {
  /** Total tries per call, including the first. */
  maxAttempts: number;
  /** First backoff; doubles per attempt, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for inline: the call fails `rate_limited` and the caller queues it. */
  maxRetryAfterMs: number;
}

export const DEFAULT_ZOOM_RETRY_POLICY: ZoomRetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };

export interface ZoomApiClientOptions {
  /** `ZOOM_API_BASE_URL`, e.g. https://api.zoom.us/v2 */
  baseUrl: string;
  /** `ZOOM_HTTP_TIMEOUT_MS`: applies to every call. */
  timeoutMs: number;
  retry?: Partial<ZoomRetryPolicy>;
  /** The application clock's sleep, so tests never wait for real. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  logger?: Pick<Logger, 'warn' | 'debug'>;
  /** The application clock's time (epoch ms): reads Retry-After timestamps and the daily cap's reset. */
  now?: () => number;
  /** Keeps requests below Zoom's per-second limits; without one, calls go out as fast as they come. */
  pacer?: ZoomRequestPacer;
}

/**
 * Is repeating this call harmless?
 * - `idempotent`: GET, DELETE and PATCH with the same body end in the same state however often they run
 *   (a repeated DELETE answers 3001, which callers count as deleted).
 * - `create`: a repeat can make a second meeting, so it is retried only when Zoom provably did nothing.
 */
type Safety = 'idempotent' | 'create';

/**
 * Network errors where the request never reached Zoom: the TCP connection or DNS lookup failed.
 * ECONNRESET, EPIPE and timeouts are deliberately absent: the request may have been read and
 * processed before the connection died, so a create that ends that way is "outcome unknown".
 */
const NEVER_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * HTTP answers that mean Zoom rejected the request before acting on it: 429 (rate limit checked
 * first) and 503 (not accepting work). 500/502/504 may come after the meeting was created, so a
 * create is not repeated on those.
 */
const REJECTED_BEFORE_PROCESSING_STATUSES = new Set([429, 503]);

const TIMEOUT_NETWORK_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

interface Outcome {
  status: number;
  body: unknown;
  retryAfterMs: number | null;
  rateLimitType: string | null;
  rateLimitRemaining: string | null;
}

/** A per-second 429 without Retry-After: Zoom's windows are one second long. */
const PER_SECOND_HOLD_OFF_MS = 1_000;

/** The one way the API talks to Zoom's REST API: timeouts, bounded retries, and errors without secrets. */
export class ZoomApiClient implements ZoomMeetingsGateway {
  private readonly http: AxiosInstance;
  private readonly retry: ZoomRetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: ZoomApiClientOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs,
      // Every status is an answer we classify ourselves; axios only throws for network failures.
      validateStatus: () => true,
      // Raw text, so int64 meeting ids can be read as strings before JSON.parse rounds them.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxRedirects: 0,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
    });
    this.retry = { ...DEFAULT_ZOOM_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** How much pacing held calls back so far; null without a pacer. */
  pacingStats(): PacingStats | null {
    return this.options.pacer?.stats() ?? null;
  }

  async getCurrentUser(accessToken: Secret): Promise<ZoomUser> {
    const body = await this.call('getCurrentUser', accessToken, 'GET', '/users/me', undefined, 'idempotent');
    return toZoomUser(body);
  }

  async getUser(accessToken: Secret, userId: string): Promise<ZoomUser> {
    const body = await this.call('getUser', accessToken, 'GET', `/users/${encodeURIComponent(userId)}`, undefined, 'idempotent');
    return toZoomUser(body);
  }

  async createMeeting(accessToken: Secret, userId: string, meeting: ZoomMeetingRequest): Promise<ZoomMeeting> {
    const body = await this.call('createMeeting', accessToken, 'POST', `/users/${encodeURIComponent(userId)}/meetings`, meeting, 'create');
    return toZoomMeeting(body);
  }

  async updateMeeting(accessToken: Secret, meetingId: string, changes: ZoomMeetingRequest): Promise<void> {
    await this.call('updateMeeting', accessToken, 'PATCH', `/meetings/${encodeURIComponent(meetingId)}`, changes, 'idempotent');
  }

  /** Throws `not_found` (3001) when the meeting is already gone; callers deleting it count that as done. */
  async deleteMeeting(accessToken: Secret, meetingId: string): Promise<void> {
    await this.call('deleteMeeting', accessToken, 'DELETE', `/meetings/${encodeURIComponent(meetingId)}`, undefined, 'idempotent');
  }

  /** Upcoming meetings of a host (id, topic, start time); used to find a meeting a lost create may have made. */
  async listUpcomingMeetings(accessToken: Secret, userId: string, maxPages = 5): Promise<ZoomMeetingSummary[]> {
    const found: ZoomMeetingSummary[] = [];
    let pageToken = '';
    for (let page = 0; page < maxPages; page += 1) {
      const query = new URLSearchParams({ type: 'upcoming', page_size: '300', ...(pageToken ? { next_page_token: pageToken } : {}) });
      const body = (await this.call('listMeetings', accessToken, 'GET', `/users/${encodeURIComponent(userId)}/meetings?${query.toString()}`, undefined, 'idempotent')) as Record<string, unknown> | null;
      const meetings = Array.isArray(body?.meetings) ? (body.meetings as Record<string, unknown>[]) : [];
      for (const item of meetings) {
        const id = str(item.id);
        if (id) found.push({ id, topic: str(item.topic), startTime: str(item.start_time) });
      }
      pageToken = typeof body?.next_page_token === 'string' ? body.next_page_token : '';
      if (!pageToken) break;
    }
    return found;
  }

  async listPastMeetingParticipants(accessToken: Secret, meetingUuid: string, maxPages = 10): Promise<ZoomPastParticipant[]> {
    // Zoom wants a uuid that starts with '/' or holds '//' encoded twice.
    const once = encodeURIComponent(meetingUuid);
    const id = meetingUuid.startsWith('/') || meetingUuid.includes('//') ? encodeURIComponent(once) : once;
    const found: ZoomPastParticipant[] = [];
    let pageToken = '';
    for (let page = 0; page < maxPages; page += 1) {
      const query = new URLSearchParams({ page_size: '300', ...(pageToken ? { next_page_token: pageToken } : {}) });
      const body = (await this.call('listPastMeetingParticipants', accessToken, 'GET', `/past_meetings/${id}/participants?${query.toString()}`, undefined, 'idempotent')) as Record<string, unknown> | null;
      const participants = Array.isArray(body?.participants) ? (body.participants as Record<string, unknown>[]) : [];
      for (const item of participants) {
        found.push({
          zoomUserId: str(item.id) || null,
          participantId: str(item.user_id) || null,
          name: str(item.name) ?? '',
          email: str(item.user_email) || null,
          joinTime: str(item.join_time),
          leaveTime: str(item.leave_time),
        });
      }
      pageToken = typeof body?.next_page_token === 'string' ? body.next_page_token : '';
      if (!pageToken) break;
    }
    return found;
  }

  async getMeeting(accessToken: Secret, meetingId: string): Promise<ZoomMeeting> {
    const body = await this.call('getMeeting', accessToken, 'GET', `/meetings/${encodeURIComponent(meetingId)}`, undefined, 'idempotent');
    return toZoomMeeting(body);
  }
  async getStartUrl(accessToken: Secret, meetingId: string): Promise<string | null> {
    const { startUrl } = await this.getMeeting(accessToken, meetingId);
    return startUrl === null ? null : revealSecret(startUrl);
  }


  private async call(operation: string, accessToken: Secret, method: Method, path: string, data: unknown, safety: Safety): Promise<unknown> {
    const category = ZOOM_OPERATION_CATEGORY[operation] ?? 'Light';
    return retryWithBackoff(
      async (attempt) => {
        let outcome: Outcome;
        await this.options.pacer?.acquire(category);
        try {
          outcome = await this.send(accessToken, method, path, data);
        } catch (networkError) {
          throw networkFailure(operation, networkError, safety, attempt);
        }
        if (outcome.status >= 200 && outcome.status < 300) {
          // Someone else (another app on the account) spent this second's budget: let it pass before the next call.
          if (outcome.rateLimitRemaining === '0') this.options.pacer?.holdOff(category, PER_SECOND_HOLD_OFF_MS);
          return outcome.body;
        }
        const failure = httpFailure(operation, outcome, safety, attempt, this.now());
        if (failure.kind === 'rate_limited') this.options.pacer?.holdOff(category, failure.retryAfterMs ?? PER_SECOND_HOLD_OFF_MS);
        throw failure;
      },
      {
        ...this.retry,
        sleep: this.sleep,
        random: this.random,
        retryable: (error) => {
          if (!(error instanceof ZoomApiError) || (error.kind !== 'unavailable' && error.kind !== 'rate_limited')) return false;
          // A network failure never carries Retry-After; a longer wait than we allow is left to the caller's queue.
          if (error.retryAfterMs !== null && error.retryAfterMs > this.retry.maxRetryAfterMs) return false;
          return { retryAfterMs: error.retryAfterMs };
        },
        onRetry: (error, attempt, waitMs) => {
          const failure = error as ZoomApiError;
          this.options.logger?.warn(
            { zoom: { operation, attempt, kind: failure.kind, status: failure.status, zoomCode: failure.zoomCode, waitMs } },
            'Zoom call failed; retrying',
          );
        },
      },
    );
  }

  private async send(accessToken: Secret, method: Method, path: string, data: unknown): Promise<Outcome> {
    const response = await this.http.request<string>({
      method,
      url: path,
      data: data === undefined ? undefined : JSON.stringify(data),
      headers: {
        Authorization: `Bearer ${revealSecret(accessToken)}`,
        Accept: 'application/json',
        ...(data === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
    });
    return {
      status: response.status,
      body: parseBody(response.data),
      retryAfterMs: parseRetryAfter(header(response.headers, 'retry-after'), this.now()),
      rateLimitType: header(response.headers, 'x-ratelimit-type'),
      rateLimitRemaining: header(response.headers, 'x-ratelimit-remaining'),
    };
  }
}

function networkFailure(operation: string, cause: unknown, safety: Safety, attempt: number): ZoomApiError {
  // Read only the code: axios errors carry the request config, including the Authorization header.
  const code = typeof (cause as { code?: unknown })?.code === 'string' ? ((cause as { code: string }).code) : 'UNKNOWN';
  const neverSent = NEVER_SENT_NETWORK_CODES.has(code);
  const timedOut = TIMEOUT_NETWORK_CODES.has(code);
  const kind: ZoomApiErrorKind = safety === 'create' && !neverSent ? 'outcome_unknown' : 'unavailable';
  const what = timedOut ? 'did not answer in time' : neverSent ? 'could not be reached' : 'dropped the connection';
  return new ZoomApiError({ kind, operation, networkCode: code, attempts: attempt, message: `Zoom ${what} (${code})` });
}

function httpFailure(operation: string, outcome: Outcome, safety: Safety, attempt: number, now: number): ZoomApiError {
  const { status } = outcome;
  const zoomCode = readZoomCode(outcome.body);
  const zoomMessage = readZoomMessage(outcome.body);
  const kind = classify(status, zoomCode, zoomMessage, outcome.rateLimitType, safety);
  // The daily cap resets at 00:00 UTC ("You may resume these requests at GMT 00:00:00"); Zoom does not always say so in a header.
  const retryAfterMs = kind === 'daily_limit' && outcome.retryAfterMs === null ? msUntilNextUtcDay(now) : outcome.retryAfterMs;
  const message = `Zoom answered ${status}${zoomCode !== null ? ` (code ${zoomCode})` : ''}${zoomMessage ? `: ${zoomMessage}` : ''}`;
  return new ZoomApiError({ operation, status, zoomCode, retryAfterMs, attempts: attempt, message, kind });
}

/**
 * Zoom answers the per-host daily create/update cap in several shapes: 429 with `X-RateLimit-Type:
 * Daily-limit` and a Retry-After timestamp (documented), 429 with only the message (seen), or HTTP 300 /
 * code 300 "A maximum of 100 meetings can be created/updated for a single user in one day" (the
 * meeting references). Code 300 is also Zoom's code for other validation errors, so the message decides.
 */
function isDailyLimit(status: number, zoomCode: number | null, zoomMessage: string, rateLimitType: string | null): boolean {
  if (status === 429) return /daily/i.test(zoomMessage) || /daily/i.test(rateLimitType ?? '');
  return (status === 300 || zoomCode === 300) && /daily|in one day|per day/i.test(zoomMessage);
}

function classify(status: number, zoomCode: number | null, zoomMessage: string, rateLimitType: string | null, safety: Safety): ZoomApiErrorKind {
  if (isDailyLimit(status, zoomCode, zoomMessage, rateLimitType)) return 'daily_limit';
  if (status === 429) return 'rate_limited';
  if (status >= 500) {
    if (safety === 'create' && !REJECTED_BEFORE_PROCESSING_STATUSES.has(status)) return 'outcome_unknown';
    return 'unavailable';
  }
  if (status === 401 || zoomCode === 124) return 'rejected_token';
  if (zoomCode === 3001 || zoomCode === 1001 || status === 404) return 'not_found';
  if (zoomCode === 3003 || status === 403 || zoomCode === 4711 || zoomCode === 4700) return 'forbidden';
  if (zoomCode === 3002) return 'conflict';
  if (status === 300 || status === 400 || status === 422) return 'invalid_request';
  if (status === 409) return 'conflict';
  return 'unknown';
}

/** From `now` to the next 00:00 UTC, when Zoom's daily caps reset. */
export function msUntilNextUtcDay(now: number): number {
  const at = new Date(now);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1) - now;
}

function header(headers: unknown, name: string): string | null {
  const value = (headers as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function parseBody(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw.trim() === '') return raw ?? null;
  try {
    // Zoom meeting ids exceed 2^53 in principle; quote them before JSON.parse can round them.
    return JSON.parse(raw.replace(/(?<!\\)"id"\s*:\s*(-?\d+)/g, '"id":"$1"'));
  } catch {
    return null;
  }
}

function readZoomCode(body: unknown): number | null {
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && /^\d+$/.test(code)) return Number(code);
  return null;
}

function readZoomMessage(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  // Zoom's messages are short and name no secrets; cap them anyway so a proxy's HTML page cannot flood logs.
  return typeof message === 'string' ? message.slice(0, 200) : '';
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function toZoomMeeting(body: unknown): ZoomMeeting {
  const b = (body ?? {}) as Record<string, unknown>;
  const id = str(b.id);
  const joinUrl = str(b.join_url);
  const startUrl = str(b.start_url);
  if (!id || !joinUrl) {
    throw new ZoomApiError({ kind: 'unknown', operation: 'readMeeting', message: 'Zoom answered without a meeting id or join URL' });
  }
  return {
    id,
    hostId: str(b.host_id),
    hostEmail: str(b.host_email),
    topic: str(b.topic),
    startTime: str(b.start_time),
    duration: typeof b.duration === 'number' ? b.duration : null,
    timezone: str(b.timezone),
    joinUrl,
    startUrl: startUrl === null ? null : new ZoomSecret(startUrl),
    password: str(b.password),
  };
}

function toZoomUser(body: unknown): ZoomUser {
  const b = (body ?? {}) as Record<string, unknown>;
  const id = str(b.id);
  const email = str(b.email);
  if (!id || !email) throw new ZoomApiError({ kind: 'unknown', operation: 'getCurrentUser', message: 'Zoom answered without a user id or email' });
  return {
    id,
    email,
    accountId: str(b.account_id),
    firstName: str(b.first_name),
    lastName: str(b.last_name),
    displayName: str(b.display_name),
    timezone: str(b.timezone),
  };
}
