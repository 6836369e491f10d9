/**
 * Why a call to Zoom failed, in kinds the domain can act on. The Zoom adapters throw it (or a subclass);
 * it carries no headers, bodies or tokens: only the status, Zoom's numeric code, a short message and
 * the wait Zoom asked for.
 */
export type ZoomFailureKind =
  /** 401 / code 124: the access token is invalid or expired. */
  | 'rejected_token'
  /** 403, or scopes missing (4711/4700), or 3003 not the host. */
  | 'forbidden'
  /** 404 / 3001 meeting not found / 1001 user not found. */
  | 'not_found'
  /** 429 per-second (or other short) rate limit, still hit after our retries. */
  | 'rate_limited'
  /** 429 for the per-host daily create/update cap; resets at 00:00 UTC, never worth waiting for inline. */
  | 'daily_limit'
  /** Zoom answered 5xx or could not be reached, and nothing was changed (safe to try again later). */
  | 'unavailable'
  /** A create was sent but no answer came back (timeout, dropped connection, 500/502/504): it may exist in Zoom. */
  | 'outcome_unknown'
  /** 400 / 300-series validation: the request itself is wrong; retrying will not help. */
  | 'invalid_request'
  /** Our own configuration is wrong (bad client id/secret or account id): an admin must fix it. */
  | 'misconfigured'
  /** OAuth: the code, verifier or refresh token is dead (used, rotated, revoked, expired); only a new consent helps. */
  | 'invalid_grant'
  /** 3002 meeting in progress and similar states that stop the change. */
  | 'conflict'
  | 'unknown';

export interface ZoomFailureOptions {
  kind: ZoomFailureKind;
  message: string;
  operation: string;
  status?: number | null;
  zoomCode?: number | null;
  retryAfterMs?: number | null;
  networkCode?: string | null;
  attempts?: number;
}

export class ZoomFailure extends Error {
  readonly kind: ZoomFailureKind;
  /** HTTP status Zoom answered with; null when no answer arrived. */
  readonly status: number | null;
  /** Zoom's numeric `code` from the error body (e.g. 124, 3001), when present. */
  readonly zoomCode: number | null;
  /** How long Zoom asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | null;
  /** Socket-level code such as ECONNREFUSED or ETIMEDOUT when Zoom never answered. */
  readonly networkCode: string | null;
  /** Which operation failed, e.g. "createMeeting" or "refresh". */
  readonly operation: string;
  /** Attempts made, including retries. */
  readonly attempts: number;

  constructor(options: ZoomFailureOptions) {
    super(options.message);
    this.name = 'ZoomFailure';
    this.kind = options.kind;
    this.operation = options.operation;
    this.status = options.status ?? null;
    this.zoomCode = options.zoomCode ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.networkCode = options.networkCode ?? null;
    this.attempts = options.attempts ?? 1;
  }

  /** Could a later attempt plausibly succeed without anyone changing anything? */
  get transient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable' || this.kind === 'outcome_unknown';
  }

  /** A plain summary, safe to log and to show an admin. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      zoomCode: this.zoomCode,
      retryAfterMs: this.retryAfterMs,
      networkCode: this.networkCode,
      attempts: this.attempts,
      message: this.message,
    };
  }
}

export function isZoomFailure(error: unknown, kind?: ZoomFailureKind): error is ZoomFailure {
  return error instanceof ZoomFailure && (kind === undefined || error.kind === kind);
}
