import type { ErrorCode, ErrorEnvelope } from '@crm/shared/error-codes';
import { takeEarlyResponse } from './early-responses';

/** Codes the web app adds for failures that never reached the API's error envelope. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(options: { code: ErrorCode | ClientErrorCode; status: number; message: string; details?: unknown }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.details = options.details;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** Sign-in and the initial session check handle 401 themselves instead of bouncing to sign-in. */
  skipUnauthenticatedHandler?: boolean;
}

let csrfToken: string | null = null;
let unauthenticatedHandler: ((code: 'session_expired' | 'unauthenticated') => void) | null = null;

/** The session's CSRF secret, echoed on every state-changing request (forms cannot set headers). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API says the session is gone, so the app can send the user to sign-in and back. */
export function setUnauthenticatedHandler(handler: typeof unauthenticatedHandler): void {
  unauthenticatedHandler = handler;
}

/** Fills `:name` segments of a shared endpoint path, e.g. `/api/admin/users/:id/zoom/disconnect`. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** The one HTTP client: same-origin JSON over the `/api` proxy, session cookie, CSRF header, error envelope. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) {
    // Imported on use: the auth contract pulls in zod, which the first paint (sign-in, app shell) does not need.
    const { CSRF_HEADER } = await import('@crm/shared/auth');
    headers[CSRF_HEADER] = csrfToken;
  }

  let response: Response;
  const url = withQuery(path, options.query);
  try {
    // The landing page's first reads may already be on their way (started before this code loaded).
    const early = method === 'GET' ? await takeEarlyResponse(url) : null;
    response = early ?? await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ code: 'network_error', status: 0, message: 'Could not reach the server. Check your connection and try again.' });
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);

  if (response.ok) return payload as T;

  if (isErrorEnvelope(payload)) {
    const { code, message, details } = payload.error;
    if ((code === 'session_expired' || code === 'unauthenticated') && !options.skipUnauthenticatedHandler) {
      unauthenticatedHandler?.(code);
    }
    throw new ApiError({ code, status: response.status, message, details });
  }
  throw new ApiError({
    code: 'unexpected_response',
    status: response.status,
    message: response.status >= 500 ? 'The server had a problem. Try again in a moment.' : `Unexpected response (${response.status}).`,
  });
}

/** A message fit to show a person, for anything a request can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}
