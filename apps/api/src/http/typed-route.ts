import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Endpoint, EndpointBody, EndpointParams, EndpointQuery, HttpMethod } from '@crm/shared/endpoint';
import { parseInput } from './parse-request';

/** Proof that a handler wrote its own answer (a redirect, a 204) instead of returning a body. */
declare const answered: unique symbol;
export type Answered = { readonly [answered]: true };
const ANSWERED = Object.freeze({}) as Answered;

/** The request parts the endpoint declares, parsed by its schemas. */
export interface ParsedRequest<E extends Endpoint> {
  params: EndpointParams<E>;
  query: EndpointQuery<E>;
  body: EndpointBody<E>;
}

/** A body the response schema accepts (it is parsed before sending), or a response written by hand. */
export type Reply<E extends Endpoint> = (E['response'] extends z.ZodType ? z.input<E['response']> : never) | Answered;

/** `req`/`res` are for the HTTP edge only (session, cookies, headers, status); they never reach the domain. */
export type RouteHandler<E extends Endpoint> = (input: ParsedRequest<E>, req: Request, res: Response) => Promise<Reply<E>> | Reply<E>;

const ROUTER_METHOD = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const satisfies Record<HttpMethod, string>;

export function redirect(res: Response, url: string): Answered {
  res.redirect(302, url);
  return ANSWERED;
}

/** A non-JSON body (e.g. `text/calendar`), for endpoints that declare no response schema. */
export function sendDocument(res: Response, document: { contentType: string; body: string; filename?: string }): Answered {
  if (document.filename) res.attachment(document.filename);
  // Set as given: res.type()/res.send(string) would rewrite the parameters (an iTIP `method=` among them).
  res.setHeader('Content-Type', document.contentType);
  // Private per-user content (invitations, feeds): never kept by a shared cache.
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(Buffer.from(document.body, 'utf8'));
  return ANSWERED;
}

export function noContent(res: Response): Answered {
  res.status(204).end();
  return ANSWERED;
}

/**
 * Serves one shared endpoint declaration: registers its method and path, runs `guards` (roles, rate
 * limits, signatures) first, parses params, query and body with its schemas (a bad part is the 400
 * `validation_failed` envelope), and sends the handler's reply through the response schema, so only
 * declared fields ever leave (zod objects drop unknown keys) and a reply that breaks the contract is a
 * logged 500 rather than a silently different API.
 */
export function route<E extends Endpoint>(router: Router, endpoint: E, handler: RouteHandler<E>): void;
export function route<E extends Endpoint>(router: Router, endpoint: E, guards: RequestHandler[], handler: RouteHandler<E>): void;
export function route<E extends Endpoint>(router: Router, endpoint: E, ...rest: [RouteHandler<E>] | [RequestHandler[], RouteHandler<E>]): void {
  const [guards, handler] = rest.length === 1 ? [[], rest[0]] : rest;
  const serve: RequestHandler = async (req, res) => {
    const input = {
      params: endpoint.params ? parseInput(endpoint.params, req.params, 'params') : undefined,
      query: endpoint.query ? parseInput(endpoint.query, req.query, 'query') : undefined,
      body: endpoint.body ? parseInput(endpoint.body, req.body, 'body') : undefined,
    } as ParsedRequest<E>;
    const reply = await handler(input, req, res);
    if (reply === ANSWERED) {
      if (!res.headersSent) throw new Error(`${endpoint.method} ${endpoint.path} claimed to answer but sent nothing`);
      return;
    }
    if (!endpoint.response) throw new Error(`${endpoint.method} ${endpoint.path} declares no response body but its handler returned one`);
    const checked = endpoint.response.safeParse(reply);
    if (!checked.success) {
      throw new Error(`${endpoint.method} ${endpoint.path} answered outside its declared response: ${JSON.stringify(checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))}`);
    }
    // Every JSON answer is someone's own data (a session, candidates, tokens' state): no cache keeps it.
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
    res.json(checked.data);
  };
  router[ROUTER_METHOD[endpoint.method]](endpoint.path, ...guards, serve);
}
