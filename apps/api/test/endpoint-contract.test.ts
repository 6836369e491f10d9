/**
 * The shared endpoint declarations are the API's surface: every declared endpoint is served, nothing
 * under /api is served without a declaration, and routes take their paths from the declarations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { endpointPath, pathParamNames } from '@crm/shared/endpoint';
import { createApp } from '../src/app';
import { declaredEndpoints, mountedRoutes } from './support/api-surface';
import { signInAs, startTestApi, type TestApi } from './support/start-test-api';

describe('API surface and shared endpoint declarations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  test('each METHOD and path is declared once', () => {
    const keys = declaredEndpoints().map(({ endpoint }) => `${endpoint.method} ${endpoint.path}`);
    expect(keys.length).toBeGreaterThan(20);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the app mounts exactly the declared endpoints: none missing, none undeclared', () => {
    const declared = declaredEndpoints().map(({ endpoint }) => `${endpoint.method} ${endpoint.path}`);
    expect(mountedRoutes(createApp(api.deps)).sort()).toEqual(declared.sort());
  });

  test('every declared endpoint is served: signed in as an admin, none answers route_not_found or a contract-breaking 500', async () => {
    const { agent } = await signInAs(api, 'admin');
    for (const { name, endpoint } of declaredEndpoints()) {
      const url = endpointPath(endpoint, Object.fromEntries(pathParamNames(endpoint.path).map((param) => [param, 'no-such-id'])));
      const response = await agent[endpoint.method.toLowerCase() as 'get'](url).redirects(0);
      const code: unknown = response.body?.error?.code;
      // 503 zoom_not_configured is a real answer here (this API has no Zoom app); internal_error would be a reply outside its declared response.
      expect({ name, code }).not.toEqual({ name, code: 'route_not_found' });
      expect({ name, code }).not.toEqual({ name, code: 'internal_error' });
    }
  });

  test('a method the declarations do not list for a path is route_not_found', async () => {
    for (const [method, url] of [['put', '/api/health'], ['delete', '/api/zoom/status'], ['post', '/api/interviewers']] as const) {
      const response = await request(api.url)[method](url).set('Content-Type', 'application/json').send('{}');
      expect({ method, url, code: response.body.error.code }).toEqual({ method, url, code: 'route_not_found' });
    }
  });

  test('an endpoint with :segments in its path declares a params schema naming exactly those segments', () => {
    for (const { name, endpoint } of declaredEndpoints()) {
      const segments = pathParamNames(endpoint.path);
      if (segments.length === 0) {
        expect({ name, params: endpoint.params }).toEqual({ name, params: undefined });
        continue;
      }
      const shape = (endpoint.params as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
      expect({ name, params: Object.keys(shape ?? {}).sort() }).toEqual({ name, params: [...segments].sort() });
    }
  });

  test('no route file spells out an /api path: each takes it from the shared declaration', () => {
    const routesDir = path.join(__dirname, '../src/routes');
    const files = readdirSync(routesDir).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(path.join(routesDir, file), 'utf8');
      expect({ file, literals: source.match(/['"`]\/api[^'"`]*['"`]/g) ?? [] }).toEqual({ file, literals: [] });
      expect({ file, usesTypedRoute: source.includes("from '../http/typed-route'") }).toEqual({ file, usesTypedRoute: true });
      // Registering directly on the router would bypass the declaration's schemas.
      expect({ file, direct: source.match(/router\.(get|post|put|patch|delete)\(/g) ?? [] }).toEqual({ file, direct: [] });
    }
  });
});
