import type { z } from 'zod';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One API endpoint, declared once for the server route and the web client (Nango's `Endpoint<...>`).
 * `params` must name every `:segment` of `path`; a missing schema means the part is not read
 * (no params, query ignored, no body; no response body: 204 or a redirect).
 */
export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;
type Input<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the server handler receives after parsing. */
export type EndpointParams<E extends Endpoint> = Output<E['params']>;
export type EndpointQuery<E extends Endpoint> = Output<E['query']>;
export type EndpointBody<E extends Endpoint> = Output<E['body']>;

/** What a client sends. */
export type EndpointParamsInput<E extends Endpoint> = Input<E['params']>;
export type EndpointQueryInput<E extends Endpoint> = Input<E['query']>;
export type EndpointBodyInput<E extends Endpoint> = Input<E['body']>;

/** What a client receives (the server sends the response schema's output, nothing more). */
export type EndpointResponse<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : void;

/** The concrete path of an endpoint, e.g. `/api/interviews/:id` with `{ id: 'a b' }` → `/api/interviews/a%20b`. */
export function endpointPath(endpoint: Endpoint, params: Record<string, string> = {}): string {
  return endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_segment, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.method} ${endpoint.path} needs the path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

/** The `:name` segments of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}
