import express, { Router, type RequestHandler } from 'express';
import pino from 'pino';
import request from 'supertest';
import { z } from 'zod';
import type { Endpoint } from '@crm/shared/endpoint';
import { AppError } from '../src/errors/app-error';
import { errorHandler } from '../src/http/middleware/error-handler';
import { noContent, route } from '../src/http/typed-route';
import { CapturedLogs } from './support/captured-logs';

const thing = {
  method: 'POST',
  path: '/things/:id',
  params: z.object({ id: z.string().regex(/^t\d+$/) }),
  query: z.object({ verbose: z.enum(['true', 'false']).default('false').transform((value) => value === 'true') }),
  body: z.strictObject({ name: z.string().min(1) }),
  response: z.object({ id: z.string(), name: z.string(), verbose: z.boolean() }),
} as const satisfies Endpoint;
const gone = { method: 'DELETE', path: '/things/:id', params: z.object({ id: z.string() }) } as const satisfies Endpoint;

function appWith(register: (router: Router) => void) {
  const logs = new CapturedLogs();
  const app = express();
  app.use(express.json());
  const router = Router();
  register(router);
  app.use(router);
  app.use(errorHandler(pino({}, logs)));
  return { app, logs };
}

describe('route(): serving a shared endpoint declaration', () => {
  test('params, query and body reach the handler parsed and typed; only declared response fields are sent', async () => {
    const { app } = appWith((router) =>
      route(router, thing, ({ params, query, body }) => {
        // A stored record carries more than the contract: handing it over whole must not leak the rest.
        const record = { id: params.id, name: body.name, verbose: query.verbose, passwordHash: 'must-not-leave' };
        return record;
      }),
    );
    const response = await request(app).post('/things/t1?verbose=true').send({ name: 'A' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: 't1', name: 'A', verbose: true });
  });

  test.each([
    ['params', '/things/nope', { name: 'A' }],
    ['query', '/things/t1?verbose=maybe', { name: 'A' }],
    ['body', '/things/t1', { name: 'A', admin: true }],
  ])('a bad %s is the 400 validation_failed envelope naming where, and the handler never runs', async (where, url, body) => {
    const handler = jest.fn();
    const { app } = appWith((router) => route(router, thing, handler));
    const response = await request(app).post(url).send(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'validation_failed', message: `The request ${where} is invalid`, details: expect.any(Array) } });
    expect(handler).not.toHaveBeenCalled();
  });

  test('a reply outside the declared response is a 500 that reveals nothing, logged with the mismatch', async () => {
    const { app, logs } = appWith((router) => route(router, thing, () => ({ id: 't1', name: 42, verbose: false }) as never));
    const response = await request(app).post('/things/t1').send({ name: 'A' });
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('internal_error');
    expect(JSON.stringify(response.body)).not.toContain('name');
    expect(logs.text()).toContain('answered outside its declared response');
  });

  test('guards run first, before any part of the request is read', async () => {
    const refuse: RequestHandler = (_req, _res, next) => next(new AppError({ code: 'forbidden', status: 403, message: 'no' }));
    const handler = jest.fn();
    const { app } = appWith((router) => route(router, thing, [refuse], handler));
    const response = await request(app).post('/things/not-valid').send({ bogus: true });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(handler).not.toHaveBeenCalled();
  });

  test('an endpoint without a response body answers what the handler wrote (204)', async () => {
    const { app } = appWith((router) => route(router, gone, (_input, _req, res) => noContent(res)));
    const response = await request(app).delete('/things/t1');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });
});

/** Never called: these lines only have to (not) compile, which `pnpm typecheck` checks. */
export function compileTimeChecks(router: Router): void {
  // @ts-expect-error a reply missing a declared field does not compile
  route(router, thing, () => ({ id: 't1', name: 'A' }));
  // @ts-expect-error an endpoint without a response body cannot return one
  route(router, gone, () => ({ ok: true }));
  route(router, thing, ({ params, query, body }) => {
    const typed: { id: string; verbose: boolean; name: string } = { id: params.id, verbose: query.verbose, name: body.name };
    return typed;
  });
}
